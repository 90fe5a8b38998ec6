package io.seatwise.access.web;

import java.net.URI;

import io.seatwise.access.Role;
import io.seatwise.access.TestAgents;
import io.seatwise.support.ConsoleFixtures;
import io.seatwise.support.H2Test;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.logout;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.cookie;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/** The sign-in page, its languages, and signing in and out through the console's form. */
@H2Test
class LoginConsoleTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    TestAgents agents;
    @Autowired
    ConsoleFixtures fixtures;

    @ParameterizedTest
    @CsvSource({"en, Sign in, lang=\"en\"", "fr, Connexion, lang=\"fr\"", "ru, Вход, lang=\"ru\"",
            "zh_CN, 登录, lang=\"zh-CN\"", "sv, Logga in, lang=\"sv\""})
    void loginPageSpeaksEachLanguage(String language, String title, String htmlLang) throws Exception {
        mvc.perform(get("/login").param("lang", language))
                .andExpect(status().isOk())
                .andExpect(cookie().value("seatwise-lang", language.replace('_', '-')))
                .andExpect(content().contentTypeCompatibleWith("text/html"))
                .andExpect(content().string(allOf(containsString("<title>" + title + " · Seatwise</title>"),
                        containsString(htmlLang), containsString("name=\"_csrf\""),
                        containsString("name=\"username\""), containsString("name=\"password\""))));
    }

    @Test
    void theLanguageCookieAndTheBrowserChooseTheLanguage() throws Exception {
        mvc.perform(get("/login").cookie(new Cookie("seatwise-lang", "sv")))
                .andExpect(content().string(containsString("Logga in")));
        mvc.perform(get("/login").header("Accept-Language", "zh;q=0.9, de;q=0.8"))
                .andExpect(content().string(containsString("<title>登录 · Seatwise</title>")));
        mvc.perform(get("/login").header("Accept-Language", "de-DE"))
                .andExpect(content().string(containsString("<title>Sign in · Seatwise</title>")));
        mvc.perform(get("/login").param("lang", "de"))
                .andExpect(cookie().doesNotExist("seatwise-lang"));
    }

    @Test
    void languageLinksKeepThePage() throws Exception {
        mvc.perform(get(URI.create("/customers?q=con%20toso&page=0&lang=en")).with(fixtures.as(Role.SALES)))
                .andExpect(content().string(allOf(
                        containsString("href=\"/customers?q=con%20toso&amp;page=0&amp;lang=ru\""),
                        containsString(">Русский<"), containsString(">简体中文<"), containsString(">Svenska<"),
                        containsString(">Français<"), containsString(">English<"))));
    }

    @Test
    void signsInWithTheFormAndLandsOnCustomers() throws Exception {
        var agent = agents.create(Role.SALES).agent();

        mvc.perform(formLogin("/login").user(agent.email()).password(TestAgents.PASSWORD))
                .andExpect(redirectedUrl("/customers"));
    }

    @Test
    void aWrongPasswordShowsTheError() throws Exception {
        var agent = agents.create(Role.SALES).agent();

        mvc.perform(formLogin("/login").user(agent.email()).password("wrong-password-123"))
                .andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", ""))
                .andExpect(content().string(containsString("The email or password is not correct")));
    }

    @Test
    void signingOutShowsTheNotice() throws Exception {
        mvc.perform(logout("/logout")).andExpect(redirectedUrl("/login?logout"));
        mvc.perform(get("/login").param("logout", ""))
                .andExpect(content().string(allOf(containsString("You have been signed out."),
                        not(containsString("not correct")))));
    }

    @Test
    void pagesNeedASignedInAgent() throws Exception {
        mvc.perform(get("/customers")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }

    @Test
    void aSignedInAgentSeesTheLayout() throws Exception {
        mvc.perform(get("/customers").with(fixtures.as(Role.ADMIN)))
                .andExpect(content().string(allOf(containsString("href=\"/agents\""),
                        containsString("href=\"/activity\""), containsString("href=\"/account/tokens\""),
                        containsString("href=\"/account/password\""), containsString("action=\"/logout\""),
                        containsString("@test.example"))));
        mvc.perform(get("/customers").with(fixtures.as(Role.SALES)))
                .andExpect(content().string(allOf(not(containsString("href=\"/agents\"")),
                        not(containsString("href=\"/activity\"")), containsString("href=\"/account/tokens\""))));
    }

    @Test
    void webjarsResolveWithoutAVersion() throws Exception {
        mvc.perform(get("/webjars/bootstrap/dist/css/bootstrap.min.css")).andExpect(status().isOk());
        mvc.perform(get("/webjars/htmx.org/dist/htmx.min.js")).andExpect(status().isOk());
        mvc.perform(get("/css/console.css")).andExpect(status().isOk());
        mvc.perform(get("/js/console.js")).andExpect(status().isOk());
    }
}
