/**
 * The license engine: a run ({@link io.seatwise.licensing.engine.EngineRun}) reads the selected users a chunk at a
 * time, evaluates them with the rules, accounts for seats through a seat ledger (strict or best-effort), and writes
 * outcomes and assignments set-based; its timings are Micrometer observations. Internal to licensing.
 */
package io.seatwise.licensing.engine;
