package io.seatwise.web;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

    /** {@code ?locked=N}: a sign-in was refused after too many failures, try again in N minutes. */
    @GetMapping("/login")
    String login(@RequestParam(name = "locked", required = false) String locked, Model model) {
        // A signed-in person has nothing to do here; a bookmarked sign-in page should not ask again.
        if (console.signedIn()) {
            return "redirect:" + console.home();
        }
        if (locked != null && locked.matches("[0-9]{1,4}")) {
            model.addAttribute("locked", Math.max(1, Integer.parseInt(locked)));
        }
        return "login";
    }
}
