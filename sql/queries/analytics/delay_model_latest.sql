SELECT m.id, m.as_of, m.seed, m.auc_ppm, m.train_examples, m.train_late, m.test_examples, m.test_late, m.first_quarter,
       m.last_train_quarter, m.last_quarter, m.feature_count, m.model, m.trained_by, u.username, m.trained_at
FROM delay_models m LEFT JOIN users u ON u.id = m.trained_by
WHERE m.as_of <= $1
ORDER BY m.as_of DESC, m.id DESC
LIMIT 1
