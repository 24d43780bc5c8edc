SELECT code, name FROM regions ORDER BY code
