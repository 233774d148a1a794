-- Customer | select name, n: count(tickets.labels where name == "billing")
SELECT t."name",
       (SELECT count(*) FROM "labels" AS c2 WHERE c2."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."A" = c2."id" AND l1."B" IN (SELECT c1."id" FROM "tickets" AS c1 WHERE c1."organization_id" = $1 AND c1."customer_id" = t."id")) AND c2."name" = $2::text) AS "n"
FROM "customers" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- $2 = 'billing'::text
-- columns: name, n
