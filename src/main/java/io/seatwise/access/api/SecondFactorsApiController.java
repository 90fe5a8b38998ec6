package io.seatwise.access.api;

import io.seatwise.access.AgentId;
import io.seatwise.access.SecondFactors;
import io.seatwise.customers.CustomerId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Second factors in the API: an Admin agent resets an agent's ({@code DELETE /api/v1/agents/{id}/second-factor}),
 * and a customer's rule that its administrators use one ({@code /api/v1/customers/{id}/mfa-policy}).
 */
@RestController
class SecondFactorsApiController {

    record MfaPolicy(Boolean adminsRequired) {
    }

    private final SecondFactors factors;

    SecondFactorsApiController(SecondFactors factors) {
        this.factors = factors;
    }

    @DeleteMapping("/api/v1/agents/{agentId}/second-factor")
    ResponseEntity<Void> reset(@PathVariable String agentId) {
        factors.reset(new AgentId(Ids.parse(agentId, "agent")));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/v1/customers/{customerId}/mfa-policy")
    MfaPolicy policy(@PathVariable String customerId) {
        return new MfaPolicy(factors.adminsRequired(new CustomerId(Ids.parse(customerId, "customer"))));
    }

    @PutMapping("/api/v1/customers/{customerId}/mfa-policy")
    MfaPolicy setPolicy(@AuthenticationPrincipal UserDetails me, @PathVariable String customerId,
            @RequestBody MfaPolicy request) {
        if (request == null || request.adminsRequired() == null) {
            throw DomainException.invalid("validation", "adminsRequired", "adminsRequired is required (true or false)");
        }
        CustomerId customer = new CustomerId(Ids.parse(customerId, "customer"));
        factors.requireForAdmins(me, customer, request.adminsRequired());
        return new MfaPolicy(factors.adminsRequired(customer));
    }
}
