package io.seatwise.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The console's entry points: the sign-in page (Spring Security handles its POST) and the start page. */
@Controller
class ShellController {

    private final ConsoleView console;

    ShellController(ConsoleView console) {
        this.console = console;
    }

    @GetMapping("/")
    String home() {
        return "redirect:" + console.home();
    }

    @GetMapping("/login")
    String login() {
        // A signed-in person has nothing to do here; a bookmarked sign-in page should not ask again.
        return console.signedIn() ? "redirect:" + console.home() : "login";
    }
}
