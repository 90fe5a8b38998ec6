package io.seatwise.users;

import java.util.List;
import java.util.Map;

import io.seatwise.access.SystemActor;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.licensing.LicensingFixture;
import io.seatwise.licensing.LicensingFixture.Tenant;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.TemporaryPasswords;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The one way users are created ({@link UserCreation}): prepared without a database or an actor, written in one go
 * with keyed-hash temporary passwords, all or nothing when a user name is taken; on H2 and PostgreSQL.
 */
abstract class UserCreationTests {

    @Autowired
    UserCreation creation;
    @Autowired
    CustomersService customers;
    @Autowired
    LicensingFixture fixture;
    @Autowired
    TemporaryPasswords passwords;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;

    Tenant t;
    Customer customer;

    @BeforeEach
    void tenantInSweden() {
        t = fixture.tenant("SE");
        customer = SystemActor.call(() -> customers.require(t.id()));
    }

    NewUser user(String localPart, String location) {
        return new NewUser(localPart + "@" + t.domain(), null, null, localPart, location, null);
    }

    List<CreatedUser> create(PreparedUsers prepared) {
        return SystemActor.call(() -> transaction.execute(s -> creation.create(prepared)));
    }

    long users() {
        return jdbc.sql("SELECT count(*) FROM app_user WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single();
    }

    @Test
    void manyUsersAreWrittenInOneGoWithHashedTemporaryPasswordsThatMustBeChanged() {
        PreparedUsers prepared = creation.prepare(customer, List.of(user("ann", null), user("bo", "NO"),
                user("cy", "SE")));

        List<CreatedUser> created = create(prepared);

        assertThat(created).extracting(c -> c.user().userPrincipalName())
                .containsExactly("ann@" + t.domain(), "bo@" + t.domain(), "cy@" + t.domain());
        assertThat(users()).isEqualTo(3);
        for (CreatedUser c : created) {
            Map<String, Object> row = jdbc.sql("SELECT usage_location, password_hash, must_change_password, "
                            + "user_name_key FROM app_user WHERE customer_id = ? AND id = ?")
                    .param(t.id().value()).param(c.user().id().value()).query().singleRow();
            assertThat(row.get("usage_location")).isEqualTo(c.user().usageLocation());
            assertThat(row.get("must_change_password")).isEqualTo(true);
            assertThat(row.get("user_name_key")).isEqualTo(c.user().userPrincipalName());
            String hash = (String) row.get("password_hash");
            assertThat(hash).startsWith(TemporaryPasswords.PREFIX).doesNotContain(c.temporaryPassword());
            assertThat(passwords.matches(c.temporaryPassword(), hash.substring(TemporaryPasswords.PREFIX.length())))
                    .isTrue();
        }
        assertThat(created.get(0).user().usageLocation()).as("defaults to the customer's country").isEqualTo("SE");
        assertThat(created.get(1).user().usageLocation()).isEqualTo("NO");
        assertThat(jdbc.sql("SELECT users FROM user_count WHERE customer_id = ?").param(t.id().value())
                .query(Long.class).single()).as("the list's count follows").isEqualTo(3);
    }

    @Test
    void aUserNameTakenFailsTheWholeSetAndCreatesNobody() {
        create(creation.prepare(customer, List.of(user("ann", null))));
        PreparedUsers again = creation.prepare(customer, List.of(user("bo", null),
                new NewUser("ANN@" + t.domain(), null, null, "Ann", null, null)));

        assertThatThrownBy(() -> create(again)).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.type()).isEqualTo("user-name-taken"));
        assertThat(users()).isEqualTo(1);
        assertThatThrownBy(() -> create(creation.prepare(customer, List.of(user("ann", null)))))
                .hasMessage("user name ann@" + t.domain() + " is already taken");
    }

    @Test
    void preparingNeedsNoActorButWritingDoesAndADomainNotTheCustomersIsRefused() {
        assertThatThrownBy(() -> creation.prepare(customer, List.of(new NewUser("ann@elsewhere.example", null, null,
                "Ann", null, null)))).isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.type()).isEqualTo("domain-not-owned"));

        PreparedUsers prepared = creation.prepare(customer, List.of(user("ann", null)));

        assertThat(prepared.size()).isEqualTo(1);
        assertThatThrownBy(() -> transaction.execute(s -> creation.create(prepared)))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        assertThat(users()).isZero();
    }
}
