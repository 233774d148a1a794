-- Activity | where type == VISIT and occurredAt > now() - 30 days | select customer.name, user.fullName, subject, order.number
SELECT j1."name",
       j2."full_name" AS "fullName",
       t."subject",
       j3."number"
FROM "activities" AS t
LEFT JOIN "customers" AS j1 ON j1."id" = t."customer_id" AND j1."tenant_id" = t."tenant_id" AND j1."tenant_id" = $1
LEFT JOIN "users" AS j2 ON j2."id" = t."user_id" AND j2."tenant_id" = t."tenant_id" AND j2."tenant_id" = $1
LEFT JOIN "orders" AS j3 ON j3."id" = t."order_id" AND j3."tenant_id" = t."tenant_id" AND j3."tenant_id" = $1
WHERE t."tenant_id" = $1
  AND t."type" = $2::"ActivityType" AND t."occurred_at" > now() - $3::interval;
-- $1 = tenant
-- $2 = 'VISIT'::"ActivityType"
-- $3 = '30 days'::interval
-- columns: name, fullName, subject, number
