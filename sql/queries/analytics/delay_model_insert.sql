INSERT INTO delay_models (as_of, seed, auc_ppm, train_examples, train_late, test_examples, test_late, first_quarter,
                          last_train_quarter, last_quarter, feature_count, model, trained_by, trained_at)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
RETURNING id
