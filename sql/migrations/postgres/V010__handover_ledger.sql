-- A handover record lists, for each customer handed over, what was open at that moment (SPEC OW-2): its
-- open orders and, in its credit account's currency, the credit they reserve and its open receivables.
ALTER TABLE handover_items ADD COLUMN open_orders BIGINT NOT NULL DEFAULT 0;
ALTER TABLE handover_items ADD COLUMN reserved_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE handover_items ADD COLUMN receivables_minor BIGINT NOT NULL DEFAULT 0;
ALTER TABLE handover_items ADD COLUMN currency TEXT;
