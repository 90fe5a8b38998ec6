package io.seatwise.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import io.seatwise.access.SystemActor;
import io.seatwise.catalog.SkuId;
import io.seatwise.customers.Customer;
import io.seatwise.customers.CustomersService;
import io.seatwise.customers.NewCustomer;
import io.seatwise.shared.PageRequest;
import io.seatwise.shared.PageResult;
import io.seatwise.users.PageAnchor;
import io.seatwise.users.User;
import io.seatwise.users.UserFilter;
import io.seatwise.users.selection.UserFilterSql;
import io.seatwise.users.UserListChanges;
import io.seatwise.users.UserSort;
import io.seatwise.users.UsersService;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * targets.md B3: a filtered, sorted page of 50 users in a tenant of N users (default 1,000,000), through
 * {@link UsersService#list}: First, Next, Last for the filters all, licensed, unlicensed, has product (60% and 10% of
 * the users) and administrators (0.1%), and text searches; p50/p95 over repeated calls.
 *
 * <p>Each case is timed <b>paging</b> (the filter's count already known: kept, or cached at the current version, as
 * when paging through a list) and, for First and searches, also <b>after a write</b> (the customer's version bumped
 * before every call, so the filter is counted again; all and deleted are kept numbers and cost nothing). Beside them,
 * measured in the same run: the <b>raw page read</b> (the page's SQL alone, by JDBC: no count, no service; the ratio is the service's p50
 * over it), PostgreSQL's plan cost of that SQL, and what the filter's {@code count(*)} costs, which every page paid
 * before the counts were kept. Run: {@code ./mvnw -Pbenchmark -DskipTests test
 * -Dbench.main=io.seatwise.bench.UsersListBenchmark} (options: -Dbench.tenantUsers, -Dbench.db=h2,postgres,
 * -Dbench.samples, -Dbench.coldSamples).
 */
public final class UsersListBenchmark {

    private static final SkuId E3 = SkuId.of("05e9a617-0261-4cee-bb44-138d3ef5d965");
    private static final SkuId POWER_BI = SkuId.of("f8a1db68-be16-40ed-86d5-cb42ce701560");
    private static final int SIZE = 50;
    private static final int SAMPLES = Integer.getInteger("bench.samples", 20);
    /** Calls after a write recount the filter (seconds on H2 for half a million users): fewer of them. */
    private static final int COLD_SAMPLES = Integer.getInteger("bench.coldSamples", 10);

    private final String db;
    private final Customer customer;
    private final UsersService users;
    private final UserListChanges changes;
    private final TransactionTemplate transaction;
    private final JdbcClient jdbc;
    private final List<String> lines = new ArrayList<>();
    /** p95 of the B3 cases (First, Next, Last, search) while paging, and of First and searches after a write. */
    private final List<Double> pagingP95 = new ArrayList<>();
    private final List<Double> afterWriteP95 = new ArrayList<>();

    private UsersListBenchmark(String db, ConfigurableApplicationContext app, Customer customer) {
        this.db = db;
        this.customer = customer;
        this.users = app.getBean(UsersService.class);
        this.changes = app.getBean(UserListChanges.class);
        this.transaction = app.getBean(TransactionTemplate.class);
        this.jdbc = app.getBean(JdbcClient.class);
    }

    public static void main(String[] args) throws Exception {
        int n = Integer.getInteger("bench.tenantUsers", 1_000_000);
        List<String> report = BenchSupport.onEachDatabase((db, app) -> run(db, app, n));
        System.out.println();
        System.out.println("=== Users list benchmark (targets.md B3), tenant of " + n + " users, pages of " + SIZE
                + ", p50/p95 over " + SAMPLES + " calls ===");
        report.forEach(System.out::println);
    }

    private static List<String> run(String db, ConfigurableApplicationContext app, int n) {
        String domain = "list" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        CustomersService customers = app.getBean(CustomersService.class);
        Customer customer = SystemActor.call(() -> customers.create(new NewCustomer("Big tenant", "SE",
                List.of(domain))));
        SystemActor.run(() -> customers.addSubscription(customer.id(), E3, n));
        SystemActor.run(() -> customers.addSubscription(customer.id(), POWER_BI, n));
        UsersListBenchmark bench = new UsersListBenchmark(db, app, customer);
        long t = System.nanoTime();
        bench.load(app.getBean(JdbcTemplate.class), domain, n);
        bench.lines.add(String.format("%s: %d users, their licenses and roles loaded in %.1f s", db, n,
                (System.nanoTime() - t) / 1e9));
        bench.cases();
        return bench.lines;
    }

    /**
     * user{i}: every 1,000th an administrator, every 1,000th (offset 500) sign-in blocked, every 100th (offset 7)
     * deleted; E3 for last digits 0–5 (60%), Power BI for last digit 9 (10%), none for 6–8 (30% unlicensed).
     */
    private void load(JdbcTemplate template, String domain, int n) {
        UUID c = customer.id().value();
        BenchSupport.insertUsers(template, c, domain, n);
        template.update("UPDATE app_user SET directory_role = 'GLOBAL_ADMIN' WHERE customer_id = ? "
                + "AND user_principal_name LIKE 'user%000@%'", c);
        template.update("UPDATE app_user SET sign_in_blocked = TRUE WHERE customer_id = ? "
                + "AND user_principal_name LIKE 'user%500@%'", c);
        template.update("UPDATE app_user SET deleted_at = CURRENT_TIMESTAMP WHERE customer_id = ? "
                + "AND user_principal_name LIKE 'user%07@%'", c);
        for (String digit : List.of("0", "1", "2", "3", "4", "5", "9")) {
            template.update("INSERT INTO license_assignment (customer_id, user_id, sku_id, state, assigned_at) "
                    + "SELECT u.customer_id, u.id, ?, 'ACTIVE', CURRENT_TIMESTAMP FROM app_user u "
                    + "WHERE u.customer_id = ? AND u.deleted_at IS NULL AND u.user_principal_name LIKE ?",
                    (digit.equals("9") ? POWER_BI : E3).value(), c, "user%" + digit + "@%");
        }
        template.update("UPDATE subscription s SET assigned = (SELECT count(*) FROM license_assignment a "
                + "WHERE a.customer_id = s.customer_id AND a.sku_id = s.sku_id AND a.state = 'ACTIVE') "
                + "WHERE s.customer_id = ?", c);
        // Rows written behind the services' back: the kept numbers are counted once, as a bulk loader must.
        transaction.executeWithoutResult(s -> changes.recount(customer.id()));
        if (db.equals("postgres")) {
            template.execute("VACUUM ANALYZE app_user");
            template.execute("VACUUM ANALYZE license_assignment");
        }
        // H2 lives in this JVM: the garbage of the load is not the first case's to collect.
        System.gc();
    }

    private void cases() {
        Map<String, UserFilter> filters = new java.util.LinkedHashMap<>();
        filters.put("all", UserFilter.ALL_USERS);
        filters.put("licensed", new UserFilter(UserFilter.Type.LICENSED, null, null));
        filters.put("unlicensed", new UserFilter(UserFilter.Type.UNLICENSED, null, null));
        filters.put("has E3 (60%)", new UserFilter(UserFilter.Type.HAS_PRODUCT, E3, null));
        filters.put("has Power BI (10%)", new UserFilter(UserFilter.Type.HAS_PRODUCT, POWER_BI, null));
        filters.put("administrators", new UserFilter(UserFilter.Type.ADMINS, null, null));
        filters.put("deleted", new UserFilter(UserFilter.Type.DELETED, null, null));
        filters.forEach((name, filter) -> {
            lines.add(String.format("%s %s: count(*) as every page ran it before: p50 %.1f ms", db, name,
                    stats(() -> countStar(filter), Math.min(SAMPLES, 10))[0]));
            long total = page(filter, 0, PageAnchor.NONE).totalCount();
            int last = (int) Math.max(0, (total - 1) / SIZE);
            List<User> firstPage = page(filter, 0, PageAnchor.NONE).items();
            PageAnchor afterFirst = new PageAnchor(firstPage.get(firstPage.size() - 1).id(), null);
            double first = measure(name, "First", filter, 0, PageAnchor.NONE, true);
            measure(name, "Next (page=1)", filter, 1, PageAnchor.NONE, false);
            measure(name, "Next (page=1&after=)", filter, 1, afterFirst, false);
            double lastP50 = measure(name, "Last (page " + last + ")", filter, last, PageAnchor.NONE, false);
            lines.add(String.format("%s B3 %-28s Last/First p50 %.2f", db, name, lastP50 / first));
        });
        for (String text : List.of("user77777", "user1234", "User 7z", "user1")) {
            UserFilter filter = new UserFilter(UserFilter.Type.ALL, null, text);
            String name = "search '" + text + "'";
            lines.add(String.format("%s %s: %d users; count(*) p50 %.1f ms", db, name,
                    page(filter, 0, PageAnchor.NONE).totalCount(), stats(() -> countStar(filter), 5)[0]));
            measure(name, "First", filter, 0, PageAnchor.NONE, true);
        }
        UserFilter licensedSearch = new UserFilter(UserFilter.Type.LICENSED, null, "user4242");
        measure("licensed + search 'user4242'", "First", licensedSearch, 0, PageAnchor.NONE, true);

        double worst = pagingP95.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double worstAfterWrite = afterWriteP95.stream().mapToDouble(Double::doubleValue).max().orElse(0);

        // Deep pages of all users, for information (not B3 cases): a jump by page number skips half the users; Next
        // from the page before seeks.
        long total = page(UserFilter.ALL_USERS, 0, PageAnchor.NONE).totalCount();
        int middle = (int) (total / SIZE / 2);
        measure("all", "Middle (page " + middle + ", jump)", UserFilter.ALL_USERS, middle, PageAnchor.NONE, false);
        List<User> before = page(UserFilter.ALL_USERS, middle - 1, PageAnchor.NONE).items();
        measure("all", "Middle (page " + middle + ", Next after=)", UserFilter.ALL_USERS, middle,
                new PageAnchor(before.get(before.size() - 1).id(), null), false);

        lines.add(String.format("%s B3 worst p95 of the First/Next/Last/search cases while paging: %.1f ms; of First "
                + "and searches after a write: %.1f ms (target 50 ms on PostgreSQL)", db, worst, worstAfterWrite));
    }

    /**
     * One case: paging (count known) and, for First, after a write; beside the raw page read of the same SQL.
     * Answers the paging p50.
     */
    private double measure(String filterName, String pageName, UserFilter filter, int page, PageAnchor anchor,
            boolean afterWrite) {
        double[] paging = stats(() -> page(filter, page, anchor), SAMPLES);
        double[] cold = afterWrite ? stats(() -> page(filter, page, anchor), COLD_SAMPLES, 1, this::bump) : null;
        boolean fromEnd = (long) page * SIZE > page(filter, page, anchor).totalCount() / 2;
        RawPage raw = raw(filter, page, fromEnd, anchor);
        double[] rawMs = stats(() -> transaction.execute(s -> {
            customPlans();
            return jdbc.sql(raw.sql()).params(raw.params()).query().listOfRows();
        }), SAMPLES);
        String cost = db.equals("postgres") ? String.format("; plan cost %.0f", planCost(raw)) : "";
        pagingP95.add(paging[1]);
        if (cold != null) {
            afterWriteP95.add(cold[1]);
        }
        lines.add(String.format("%s B3 %-28s %-30s paging p50 %6.1f / p95 %6.1f ms%s | raw page p50 %6.1f ms, "
                        + "ratio %.1f%s", db, filterName, pageName, paging[0], paging[1],
                cold == null ? "" : String.format(" | after a write p50 %6.1f / p95 %6.1f ms", cold[0], cold[1]),
                rawMs[0], paging[0] / rawMs[0], cost));
        return paging[0];
    }

    /** As the service does on PostgreSQL: plans made for the parameters, never a generic one. */
    private void customPlans() {
        if (db.equals("postgres")) {
            jdbc.sql("SET LOCAL plan_cache_mode = force_custom_plan").update();
        }
    }

    private PageResult<User> page(UserFilter filter, int page, PageAnchor anchor) {
        return SystemActor.call(() -> users.list(customer.id(), filter, UserSort.DEFAULT, new PageRequest(page, SIZE),
                anchor));
    }

    /** A committed write to the customer's users: every cached count of the customer is stale afterwards. */
    private void bump() {
        transaction.executeWithoutResult(s -> changes.changed(customer.id()));
    }

    private long countStar(UserFilter filter) {
        Map<String, Object> params = new HashMap<>();
        String where = UserFilterSql.where(customer.id(), filter, params);
        return jdbc.sql("SELECT count(*) FROM app_user u WHERE " + where).params(params).query(Long.class).single();
    }

    private record RawPage(String sql, Map<String, Object> params) {
    }

    /**
     * The page's SQL by itself: the filter, the display-name order (reversed for pages read from the end), from the
     * index that reads in that order (H2 has to be told which, see UserListQuery). A search has no single index to read
     * in order: its raw read is the plain SQL (on H2 a scan of the customer's users).
     */
    private RawPage raw(UserFilter filter, int page, boolean fromEnd, PageAnchor anchor) {
        Map<String, Object> params = new HashMap<>();
        String where = UserFilterSql.where(customer.id(), filter, params);
        String order = fromEnd ? "u.customer_id, u.display_sort DESC, u.id DESC"
                : "u.customer_id, u.display_sort, u.id";
        String seek = "";
        long offset = (long) page * SIZE;
        if (anchor.after() != null) {
            seek = " AND u.display_sort >= :k AND (u.display_sort > :k OR u.id > :a)";
            params.put("k", jdbc.sql("SELECT display_sort FROM app_user WHERE customer_id = :c AND id = :a")
                    .param("c", customer.id().value()).param("a", anchor.after().value()).query(String.class).single());
            params.put("a", anchor.after().value());
            offset = 0;
        } else if (fromEnd) {
            offset = 0;
        }
        String from = "app_user u";
        if (db.equals("h2") && filter.search() == null) {
            from += " USE INDEX (" + (filter.type() == UserFilter.Type.ADMINS ? "app_user_admins_idx"
                    : fromEnd ? "app_user_display_desc_idx" : "app_user_display_idx") + ")";
        }
        return new RawPage("SELECT u.customer_id, u.id, u.user_principal_name, u.first_name, u.last_name, "
                + "u.display_name, u.usage_location, u.directory_role, u.sign_in_blocked, u.created_at, u.deleted_at "
                + "FROM " + from + " WHERE " + where + seek + " ORDER BY " + order + " LIMIT " + SIZE + " OFFSET "
                + offset, params);
    }

    private double planCost(RawPage raw) {
        String plan = jdbc.sql("EXPLAIN (FORMAT JSON) " + raw.sql()).params(raw.params()).query(String.class).single();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"Total Cost\": ([0-9.]+)").matcher(plan);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    /** p50 and p95 (ms) over {@code n} timed calls after 3 warm-ups. */
    private static double[] stats(Supplier<?> call, int n) {
        return stats(call, n, 3, () -> { });
    }

    /** The same, running {@code before} (untimed) ahead of every call. */
    private static double[] stats(Supplier<?> call, int n, int warmUps, Runnable before) {
        for (int i = 0; i < warmUps; i++) {
            before.run();
            call.get();
        }
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            before.run();
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        return new double[] {ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1]};
    }
}
