-- Order | group by status, rep: salesRep.fullName aggregate n: count(), total: sum(total), avg: avg(total)
SELECT t."status",
       j1."full_name" AS "rep",
       count(*) AS "n",
       sum(t."total") AS "total",
       avg(t."total") AS "avg"
FROM "orders" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."sales_rep_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
WHERE t."tenant_id" = $1
GROUP BY 1, 2;
-- $1 = tenant
-- columns: status, rep, n, total, avg
