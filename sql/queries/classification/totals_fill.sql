-- Stores the rows of one totals query (invoiced_totals or credited_totals, or their _of forms for one
-- customer, with their parameters; put in place of the TOTALS mark below) as the stored purchase totals of
-- one kind (the KIND mark: invoice or credit_note).
INSERT INTO purchase_totals (customer_id, currency, last_12, previous_12, third_12, first_day, last_day, kind)
SELECT t.*, '{KIND}' FROM ({TOTALS}) t
