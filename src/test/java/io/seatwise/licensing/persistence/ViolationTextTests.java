package io.seatwise.licensing.persistence;

import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.LicenseFailure;
import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The stored form of a user's failures: what goes in comes out, older lines still read, cut lines are left out. */
class ViolationTextTests {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final SkuId EXCHANGE_1 = SkuId.of("4b9405b0-7788-4568-add1-99614e613b69");
    private static final ServicePlanId PLAN_1 = new ServicePlanId(UUID.fromString(
            "9aaf7827-d63c-4b61-89c3-182f06f82e5c"));
    private static final ServicePlanId PLAN_2 = new ServicePlanId(UUID.fromString(
            "efb87545-963c-4e0d-99df-69c6916d9eb0"));

    @Test
    void failuresComeBackWithTheirPlansAndProducts() {
        List<LicenseFailure> failures = List.of(
                new LicenseFailure("MutuallyExclusiveViolation", EXCHANGE_1, "Exchange Online (Plan 1) in … | odd",
                        List.of(PLAN_1, PLAN_2), List.of(EXCHANGE_1, E3)),
                new LicenseFailure("CountViolation", E3, "no free license\nof SPE_E3"),
                new LicenseFailure("UserNotFound", null, "the user does not exist"));

        List<LicenseFailure> read = ViolationText.decode(ViolationText.encode(failures));

        assertThat(read).hasSize(3);
        assertThat(read.get(0)).isEqualTo(failures.get(0));
        assertThat(read.get(1).message()).isEqualTo("no free license of SPE_E3");
        assertThat(read.get(1).products()).containsExactly(E3);
        assertThat(read.get(2)).isEqualTo(failures.get(2));
    }

    @Test
    void linesStoredWithoutPlansReadAsFailuresWithoutPlans() {
        assertThat(ViolationText.decode("DependencyViolation|" + E3 + "|service plan MCOPSTN1 needs one of [MCOEV]"))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo("DependencyViolation");
                    assertThat(f.skuId()).isEqualTo(E3);
                    assertThat(f.message()).isEqualTo("service plan MCOPSTN1 needs one of [MCOEV]");
                    assertThat(f.servicePlans()).isEmpty();
                });
    }

    @Test
    void aLineCutByTheColumnsLengthIsLeftOut() {
        String whole = ViolationText.encode(List.of(new LicenseFailure("MutuallyExclusiveViolation", EXCHANGE_1, "m",
                List.of(PLAN_1, PLAN_2), List.of(EXCHANGE_1, E3))));
        String cutInPlans = "CountViolation|" + E3 + "|||x\n" + whole.substring(0, whole.indexOf(',') + 5);
        String cutInSku = "CountViolation|" + E3 + "|||x\nUserNotFound|05e9a617-02";

        assertThat(ViolationText.decode(cutInPlans)).extracting(LicenseFailure::code).containsExactly("CountViolation");
        assertThat(ViolationText.decode(cutInSku)).extracting(LicenseFailure::code).containsExactly("CountViolation");
        assertThat(ViolationText.decode(null)).isEmpty();
    }

    @Test
    void theTextNeverOutgrowsTheColumn() {
        List<LicenseFailure> many = java.util.stream.IntStream.range(0, 40).mapToObj(i -> new LicenseFailure(
                "DependencyViolation", E3, "x".repeat(100), List.of(PLAN_1, PLAN_2), List.of(E3))).toList();

        String text = ViolationText.encode(many);

        assertThat(text).hasSize(2000);
        // 269 characters a line: seven whole lines, the eighth cut in its plans and left out
        assertThat(ViolationText.decode(text)).hasSize(7).allSatisfy(f -> assertThat(f).isEqualTo(many.get(0)));
    }
}
