package io.seatwise.customers.api;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.ServicePlan;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.CustomerId;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.Order;
import io.seatwise.customers.Subscription;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageResult;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A customer's seat pools: {@code subscribedskus} (Partner Center's read model), {@code subscriptions} to add one,
 * set its quantity, and its {@code orders} (Buy more).
 */
@RestController
@RequestMapping("/api/v1/customers/{customerId}")
class SubscriptionsApiController {

    record AddSubscriptionRequest(String skuId, Integer quantity) {
    }

    record QuantityRequest(Integer quantity) {
    }

    record ServicePlanResponse(UUID servicePlanId, String servicePlanName, String friendlyName) {
    }

    record ProductSkuResponse(UUID id, String skuPartNumber, String name) {
    }

    record SubscribedSkuResponse(UUID skuId, String skuPartNumber, String productName, ProductSkuResponse productSku,
            int totalUnits, int consumedUnits, int availableUnits, String capabilityStatus,
            List<ServicePlanResponse> servicePlans) {
    }

    record OrderResponse(UUID id, UUID skuId, int quantityChange, int previousQuantity, int newQuantity,
            String orderedBy, Instant orderedAt) {

        static OrderResponse of(Order o) {
            return new OrderResponse(o.id(), o.skuId().value(), o.quantityChange(), o.previousQuantity(),
                    o.newQuantity(), o.orderedBy(), o.orderedAt());
        }
    }

    private final CustomersService customers;
    private final CatalogService catalog;

    SubscriptionsApiController(CustomersService customers, CatalogService catalog) {
        this.customers = customers;
        this.catalog = catalog;
    }

    @GetMapping({"/subscribedskus", "/subscriptions"})
    PageResult<SubscribedSkuResponse> subscribedSkus(@PathVariable String customerId) {
        List<Subscription> subscriptions = customers.subscriptions(customer(customerId));
        List<SubscribedSkuResponse> items = describe(subscriptions);
        return new PageResult<>(items, items.size(), 0, Math.max(1, items.size()));
    }

    @GetMapping({"/subscribedskus/{skuId}", "/subscriptions/{skuId}"})
    SubscribedSkuResponse subscribedSku(@PathVariable String customerId, @PathVariable String skuId) {
        return describe(List.of(customers.subscription(customer(customerId), sku(skuId)))).get(0);
    }

    @PostMapping("/subscriptions")
    ResponseEntity<SubscribedSkuResponse> add(@PathVariable String customerId,
            @RequestBody AddSubscriptionRequest request) {
        if (request.skuId() == null || request.skuId().isBlank()) {
            throw DomainException.invalid("validation", "skuId", "skuId is required");
        }
        SkuId sku = new SkuId(Ids.parseField(request.skuId(), "skuId"));
        Subscription s = customers.addSubscription(customer(customerId), sku, required(request.quantity()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/subscriptions/" + sku))
                .body(describe(List.of(s)).get(0));
    }

    @PatchMapping("/subscriptions/{skuId}")
    SubscribedSkuResponse setQuantity(@PathVariable String customerId, @PathVariable String skuId,
            @RequestBody QuantityRequest request) {
        CustomerId id = customer(customerId);
        SkuId sku = sku(skuId);
        customers.setQuantity(id, sku, required(request.quantity()));
        return describe(List.of(customers.subscription(id, sku))).get(0);
    }

    @PostMapping("/subscriptions/{skuId}/orders")
    ResponseEntity<OrderResponse> buyMore(@PathVariable String customerId, @PathVariable String skuId,
            @RequestBody QuantityRequest request) {
        Order order = customers.buyMore(customer(customerId), sku(skuId), required(request.quantity()));
        return ResponseEntity.created(URI.create("/api/v1/customers/" + customerId + "/subscriptions/" + skuId
                + "/orders/" + order.id())).body(OrderResponse.of(order));
    }

    @GetMapping("/subscriptions/{skuId}/orders")
    List<OrderResponse> orders(@PathVariable String customerId, @PathVariable String skuId) {
        return customers.orders(customer(customerId), sku(skuId)).stream().map(OrderResponse::of).toList();
    }

    private List<SubscribedSkuResponse> describe(List<Subscription> subscriptions) {
        Set<SkuId> skus = subscriptions.stream().map(Subscription::skuId).collect(Collectors.toSet());
        Map<SkuId, List<ServicePlan>> plans = catalog.servicePlans(skus);
        return subscriptions.stream().map(s -> {
            Product p = catalog.findProduct(s.skuId()).orElseThrow();
            return new SubscribedSkuResponse(s.skuId().value(), p.skuPartNumber(), p.productName(),
                    new ProductSkuResponse(s.skuId().value(), p.skuPartNumber(), p.productName()),
                    s.quantity(), s.assigned(), s.available(), "Enabled",
                    plans.getOrDefault(s.skuId(), List.of()).stream().map(sp -> new ServicePlanResponse(
                            sp.servicePlanId().value(), sp.name(), sp.friendlyName())).toList());
        }).toList();
    }

    private static int required(Integer quantity) {
        if (quantity == null) {
            throw DomainException.invalid("validation", "quantity", "quantity is required");
        }
        return quantity;
    }

    private static CustomerId customer(String id) {
        return new CustomerId(Ids.parse(id, "customer"));
    }

    private static SkuId sku(String id) {
        return new SkuId(Ids.parse(id, "subscription"));
    }
}
