SELECT count(*) {FILTER}
