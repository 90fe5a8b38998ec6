package io.seatwise.catalog;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Loads the catalog and its rules at start-up; a bad file stops the start with every problem listed. */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
@EnableConfigurationProperties(CatalogProperties.class)
class CatalogLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

    private final CatalogProperties properties;
    private final CatalogRepository repository;
    private final CatalogService service;

    CatalogLoader(CatalogProperties properties, CatalogRepository repository, CatalogService service) {
        this.properties = properties;
        this.repository = repository;
        this.service = service;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        CatalogData data = CatalogFiles.read(properties);
        repository.insertCatalog(data);
        repository.replaceRules(data);
        service.refresh();
        log.info("Catalog: {} products, {} service plans, {} exclusions, {} plan dependencies, {} country rules",
                data.products().size(), data.plans().size(), data.exclusions().size(), data.dependencies().size(),
                data.countryRules().size());
    }
}
