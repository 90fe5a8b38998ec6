package io.seatwise.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.seatwise.shared.DomainException;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Read access to the catalog for the other modules and the API. */
@Service
@Transactional(readOnly = true)
public class CatalogService {

    private final CatalogRepository repository;
    private volatile CatalogRules rules;

    CatalogService(CatalogRepository repository) {
        this.repository = repository;
    }

    /** The licensing facts of the catalog, read once and kept: the catalog changes only at start-up. */
    public CatalogRules rules() {
        CatalogRules current = rules;
        if (current == null) {
            current = repository.rules();
            rules = current;
        }
        return current;
    }

    /** Forgets the cached rules after the loader stored new ones. */
    void refresh() {
        rules = null;
    }

    public Optional<Product> findProduct(SkuId skuId) {
        return repository.findProduct(skuId);
    }

    /** The product, or a validation error on {@code field} when the catalog has no such product. */
    public Product requireProduct(SkuId skuId, String field) {
        return repository.findProduct(skuId).orElseThrow(() -> DomainException.invalid("unknown-product", field,
                "The catalog has no product " + skuId));
    }

    public List<ServicePlan> servicePlans(SkuId skuId) {
        return repository.servicePlans(skuId);
    }

    public Map<SkuId, List<ServicePlan>> servicePlans(Set<SkuId> skuIds) {
        return repository.servicePlans(skuIds);
    }

    public PageResult<Product> search(String text, PageRequest page) {
        return repository.search(text, page);
    }

    public long productCount() {
        return repository.productCount();
    }
}
