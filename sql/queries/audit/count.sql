SELECT count(*)
{FILTER}
