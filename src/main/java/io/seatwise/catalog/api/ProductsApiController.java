package io.seatwise.catalog.api;

import java.util.List;
import java.util.UUID;

import io.seatwise.catalog.CatalogService;
import io.seatwise.catalog.Product;
import io.seatwise.catalog.SkuId;
import io.seatwise.shared.DomainException;
import io.seatwise.shared.Ids;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/products}: the catalog, searchable by part number or name. */
@RestController
@RequestMapping("/api/v1/products")
class ProductsApiController {

    record PlanResponse(UUID servicePlanId, String servicePlanName, String friendlyName) {
    }

    record ProductResponse(UUID skuId, String skuPartNumber, String productName, List<PlanResponse> servicePlans) {
    }

    private final CatalogService catalog;

    ProductsApiController(CatalogService catalog) {
        this.catalog = catalog;
    }

    @GetMapping
    PageResult<ProductResponse> search(@RequestParam(required = false) String search,
            @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
        return catalog.search(search, PageRequest.of(page, size))
                .map(p -> new ProductResponse(p.skuId().value(), p.skuPartNumber(), p.productName(), null));
    }

    @GetMapping("/{skuId}")
    ProductResponse get(@PathVariable String skuId) {
        SkuId id = new SkuId(Ids.parse(skuId, "product"));
        Product p = catalog.findProduct(id).orElseThrow(() -> DomainException.notFound("product"));
        return new ProductResponse(p.skuId().value(), p.skuPartNumber(), p.productName(),
                catalog.servicePlans(id).stream().map(sp -> new PlanResponse(sp.servicePlanId().value(), sp.name(),
                        sp.friendlyName())).toList());
    }
}
