-- CallPlan | where status == PLANNED | select user.fullName, customer.name, scheduledFor, objective
SELECT j1."full_name" AS "fullName",
       j2."name",
       t."scheduled_for" AS "scheduledFor",
       t."objective"
FROM "call_plans" AS t
LEFT JOIN "users" AS j1 ON j1."id" = t."user_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "customers" AS j2 ON j2."id" = t."customer_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."status" = $2::"CallPlanStatus";
-- $1 = tenant
-- $2 = 'PLANNED'::"CallPlanStatus"
-- columns: fullName, name, scheduledFor, objective
