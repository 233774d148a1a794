-- Label | select name, n: count(tickets)
SELECT t."name",
       (SELECT count(*) FROM "tickets" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."B" = c1."id" AND l1."A" = t."id")) AS "n"
FROM "labels" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- columns: name, n
