-- Label | select name, first: min(tickets.createdAt), hi: count(tickets where priority in [HIGH, URGENT])
SELECT t."name",
       (SELECT min(c1."created_at") FROM "tickets" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."B" = c1."id" AND l1."A" = t."id")) AS "first",
       (SELECT count(*) FROM "tickets" AS c2 WHERE c2."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l2 WHERE l2."B" = c2."id" AND l2."A" = t."id") AND c2."priority" = ANY($2::"TicketPriority"[])) AS "hi"
FROM "labels" AS t
WHERE t."organization_id" = $1;
-- $1 = tenant
-- $2 = '{"HIGH","URGENT"}'::"TicketPriority"[]
-- columns: name, first, hi
