package io.seatwise.licensing.api;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.seatwise.catalog.ServicePlanId;
import io.seatwise.catalog.SkuId;
import io.seatwise.licensing.LicenseChangeSpec;
import io.seatwise.licensing.Selection;
import io.seatwise.users.UserFilter;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.users.UserId;

/** Request bodies of the licensing API (Partner Center's names) and their translation into commands. */
final class LicenseRequests {

    private LicenseRequests() {
    }

    record LicenseToAssign(String skuId, List<String> excludedPlans) {
    }

    record FilterBody(String type, String skuId, String search) {
    }

    /** A license update: for one user (path), or for {@code userIds} or a {@code filter}. */
    record LicenseUpdate(List<String> userIds, FilterBody filter, List<LicenseToAssign> licensesToAssign,
            List<String> licensesToRemove) {
    }

    /** A selection alone, for summaries. */
    record SelectionBody(List<String> userIds, FilterBody filter) {
    }

    static LicenseChangeSpec spec(LicenseUpdate body) {
        Map<SkuId, Set<ServicePlanId>> assign = new LinkedHashMap<>();
        List<LicenseToAssign> toAssign = body.licensesToAssign() == null ? List.of() : body.licensesToAssign();
        for (int i = 0; i < toAssign.size(); i++) {
            LicenseToAssign item = toAssign.get(i);
            String field = "licensesToAssign[" + i + "]";
            if (item == null) {
                throw DomainException.invalid("validation", field, "an entry of licensesToAssign is empty");
            }
            SkuId sku = new SkuId(uuid(item.skuId(), field + ".skuId"));
            Set<ServicePlanId> plans = new HashSet<>();
            List<String> excluded = item.excludedPlans() == null ? List.of() : item.excludedPlans();
            for (int j = 0; j < excluded.size(); j++) {
                plans.add(new ServicePlanId(uuid(excluded.get(j), field + ".excludedPlans[" + j + "]")));
            }
            if (assign.put(sku, plans) != null) {
                throw DomainException.invalid("validation", field + ".skuId", "product " + sku + " is listed twice");
            }
        }
        Set<SkuId> remove = new HashSet<>();
        List<String> toRemove = body.licensesToRemove() == null ? List.of() : body.licensesToRemove();
        for (int i = 0; i < toRemove.size(); i++) {
            remove.add(new SkuId(uuid(toRemove.get(i), "licensesToRemove[" + i + "]")));
        }
        return new LicenseChangeSpec(assign, remove);
    }

    static Selection selection(List<String> userIds, FilterBody filter) {
        if (userIds != null && filter != null) {
            throw DomainException.invalid("validation", "filter", "give userIds or a filter, not both");
        }
        if (filter != null) {
            return new Selection.Matching(filter(filter.type(), filter.skuId(), filter.search()));
        }
        if (userIds == null) {
            throw DomainException.invalid("validation", "userIds", "give userIds or a filter");
        }
        if (userIds.size() > Selection.MAX_IDS) {
            throw DomainException.invalid("validation", "userIds", "at most " + Selection.MAX_IDS
                    + " users per request; use a filter for more");
        }
        List<UserId> ids = new ArrayList<>(userIds.size());
        for (int i = 0; i < userIds.size(); i++) {
            ids.add(new UserId(uuid(userIds.get(i), "userIds[" + i + "]")));
        }
        return new Selection.UserIds(ids);
    }

    static UserFilter filter(String type, String skuId, String search) {
        return UserFilter.parse(type, skuId, search, "filter.skuId");
    }

    static UUID uuid(String text, String field) {
        return Ids.parseField(text, field);
    }
}
