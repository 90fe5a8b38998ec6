package io.seatwise.access.web;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.seatwise.access.Agent;
import io.seatwise.access.AgentId;
import io.seatwise.access.AgentService;
import io.seatwise.access.AgentService.Invitation;
import io.seatwise.access.Role;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.web.ConsoleMessages;
import io.seatwise.web.Confirmation;
import io.seatwise.web.FormErrors;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The partner's agents: list, invite (temporary password shown once), change role, disable or enable, unlock after
 * failed sign-ins.
 */
@Controller
@RequestMapping("/agents")
class AgentsController {

    /** The invitation form. */
    record InviteForm(String email, String displayName, String role) {

        static InviteForm empty() {
            return new InviteForm("", "", Role.SALES.name());
        }
    }

    /** The role form of one agent's row. */
    record RoleForm(String role) {
    }

    /** Disabling or enabling an agent. */
    record EnabledForm(Boolean enabled) {
    }

    /** An error about one agent's row, shown in that row after the redirect (a flash attribute: serialisable). */
    record RowError(String agentId, String message) implements java.io.Serializable {
    }

    private final AgentService agents;
    private final ConsoleMessages messages;

    AgentsController(AgentService agents, ConsoleMessages messages) {
        this.agents = agents;
        this.messages = messages;
    }

    @GetMapping
    String list(Model model) {
        fill(model, InviteForm.empty(), FormErrors.none());
        return "agents/list";
    }

    @PostMapping
    String invite(InviteForm form, Model model, HttpServletResponse response) {
        try {
            Invitation invitation = agents.invite(form.email(), form.displayName(), role(form.role()));
            // The temporary password is in this response only: keep it out of every cache.
            response.setHeader("Cache-Control", "no-store");
            model.addAttribute("nav", "agents");
            model.addAttribute("invitation", invitation);
            return "agents/invited";
        } catch (DomainException e) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            fill(model, form, messages.errors(e));
            return "agents/list";
        }
    }

    @PostMapping("/{id}/role")
    String changeRole(@PathVariable String id, RoleForm form, RedirectAttributes redirect) {
        AgentId agentId = agentId(id);
        try {
            Agent agent = agents.update(agentId, role(form.role()), null);
            redirect.addFlashAttribute("success", messages.get("agents.roleChanged", agent.email(),
                    messages.get("role." + agent.role().name())));
        } catch (DomainException e) {
            rowError(e, agentId, redirect);
        }
        return "redirect:/agents";
    }

    /** Asks before disabling (or enabling) an agent. */
    @GetMapping("/{id}/enabled")
    String confirmEnabled(@PathVariable String id, EnabledForm form, Model model) {
        Agent agent = find(agentId(id));
        boolean enable = Boolean.TRUE.equals(form.enabled());
        model.addAttribute("nav", "agents");
        model.addAttribute("confirmation", new Confirmation(
                messages.get(enable ? "agents.enable" : "agents.disable"),
                messages.get(enable ? "agents.enableQuestion" : "agents.disableQuestion", agent.email()),
                "/agents/" + agent.id() + "/enabled", Map.of("enabled", String.valueOf(enable)),
                messages.get(enable ? "agents.enable" : "agents.disable"), "/agents", !enable));
        return "confirm";
    }

    @PostMapping("/{id}/enabled")
    String setEnabled(@PathVariable String id, EnabledForm form, RedirectAttributes redirect) {
        AgentId agentId = agentId(id);
        boolean enable = Boolean.TRUE.equals(form.enabled());
        try {
            Agent agent = agents.update(agentId, null, enable);
            redirect.addFlashAttribute("success",
                    messages.get(enable ? "agents.enabled" : "agents.disabled", agent.email()));
        } catch (DomainException e) {
            rowError(e, agentId, redirect);
        }
        return "redirect:/agents";
    }

    /** Ends an agent's lock after failed sign-ins (the button shows on a locked agent's row). */
    @PostMapping("/{id}/unlock")
    String unlock(@PathVariable String id, RedirectAttributes redirect) {
        Agent agent = agents.unlock(agentId(id));
        redirect.addFlashAttribute("success", messages.get("agents.unlocked", agent.email()));
        return "redirect:/agents";
    }

    private void fill(Model model, InviteForm form, FormErrors errors) {
        List<Agent> all = agents.list();
        model.addAttribute("nav", "agents");
        model.addAttribute("agents", all);
        model.addAttribute("locked", agents.locked(all));
        model.addAttribute("roles", Role.values());
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
    }

    private void rowError(DomainException e, AgentId agentId, RedirectAttributes redirect) {
        if (e.kind() == DomainException.Kind.NOT_FOUND) {
            throw e;
        }
        redirect.addFlashAttribute("rowError", new RowError(agentId.toString(), messages.text(e)));
    }

    private Agent find(AgentId id) {
        // list() carries the agents:manage check; require() is for the agent's own account.
        return agents.list().stream().filter(a -> a.id().equals(id)).findFirst()
                .orElseThrow(() -> DomainException.notFound("agent"));
    }

    private static AgentId agentId(String text) {
        return new AgentId(Ids.parse(text, "agent"));
    }

    /** The role chosen in a form; a value that is none of them is an error on the role field. */
    private static Role role(String text) {
        return Arrays.stream(Role.values())
                .filter(r -> r.name().equals(text == null ? "" : text.strip().toUpperCase(Locale.ROOT)))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid("validation", "role", "role must be ADMIN, SALES or HELPDESK"));
    }
}
