package io.seatwise.access.web;

import java.util.Map;

import io.seatwise.access.Agent;
import io.seatwise.access.AgentId;
import io.seatwise.access.AgentService;
import io.seatwise.access.SecondFactors;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Confirmation;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** An Admin agent resets another agent's second factor (lost phone), after a confirmation. */
@Controller
class AgentSecondFactorController {

    private final AgentService agents;
    private final SecondFactors factors;
    private final ConsoleMessages messages;

    AgentSecondFactorController(AgentService agents, SecondFactors factors, ConsoleMessages messages) {
        this.agents = agents;
        this.factors = factors;
        this.messages = messages;
    }

    @GetMapping("/agents/{id}/second-factor/reset")
    String confirm(@PathVariable String id, Model model) {
        Agent agent = find(id);
        model.addAttribute("nav", "agents");
        model.addAttribute("confirmation", new Confirmation(messages.get("agents.resetMfa"),
                messages.get("agents.resetMfaQuestion", agent.email()),
                "/agents/" + agent.id() + "/second-factor/reset", Map.of(), messages.get("agents.resetMfa"),
                "/agents", true));
        return "confirm";
    }

    @PostMapping("/agents/{id}/second-factor/reset")
    String reset(@PathVariable String id, RedirectAttributes redirect) {
        try {
            Agent agent = factors.reset(new AgentId(Ids.parse(id, "agent")));
            redirect.addFlashAttribute("success", messages.get("agents.mfaReset", agent.email()));
        } catch (DomainException e) {
            if (e.kind() == DomainException.Kind.NOT_FOUND) {
                throw e;
            }
            redirect.addFlashAttribute("failure", messages.text(e));
        }
        return "redirect:/agents";
    }

    private Agent find(String id) {
        AgentId agentId = new AgentId(Ids.parse(id, "agent"));
        // list() carries the agents:manage check
        return agents.list().stream().filter(a -> a.id().equals(agentId)).findFirst()
                .orElseThrow(() -> DomainException.notFound("agent"));
    }
}
