package io.seatwise;

import javax.sql.DataSource;

import net.javacrumbs.shedlock.core.LockProvider;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;
import net.javacrumbs.shedlock.spring.annotation.EnableSchedulerLock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Scheduling for the whole application, and its database lock (ShedLock): every module's {@code @Scheduled} work
 * (the jobs runner looking for queued jobs, the sweep of old jobs, the purge of deleted users, the clean-up of
 * expired sessions, sign-in failures and rate-limit buckets) runs because of this configuration, and
 * {@code @SchedulerLock} methods lock through its {@link LockProvider} in the {@code shedlock} table, so that of
 * several instances one runs them at a time.
 * PROXY_METHOD: the lock is taken whenever the method is called through its bean, by the scheduler or by anyone
 * else, so a purge started by hand cannot overlap a scheduled one.
 */
@Configuration
@EnableScheduling
@EnableSchedulerLock(interceptMode = EnableSchedulerLock.InterceptMode.PROXY_METHOD, defaultLockAtMostFor = "PT1H")
class SchedulingConfig {

    @Bean
    LockProvider lockProvider(DataSource dataSource) {
        return new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration.builder()
                .withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build());
    }
}
