-- Invoice | group by status aggregate due: sum(balanceDue) | sort status
SELECT t."status",
       sum(t."balance_due") AS "due"
FROM "invoices" AS t
WHERE t."tenant_id" = $1
GROUP BY 1
ORDER BY "status" NULLS LAST;
-- $1 = tenant
-- columns: status, due
