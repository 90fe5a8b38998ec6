package io.seatwise;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Seatwise: a self-hosted partner console for per-seat subscriptions. */
@SpringBootApplication
public class SeatwiseApplication {

    public static void main(String[] args) {
        SpringApplication.run(SeatwiseApplication.class, args);
    }
}
