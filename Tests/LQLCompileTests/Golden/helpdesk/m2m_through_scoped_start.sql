-- Message | select body, t: ticket.number, labels: count(ticket.labels)
SELECT t."body",
       j1."number" AS "t",
       (SELECT count(*) FROM "labels" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."A" = c1."id" AND l1."B" = j1."id")) AS "labels"
FROM "messages" AS t
LEFT JOIN "tickets" AS j1 ON j1."id" = t."ticket_id" AND j1."organization_id" = $1
WHERE EXISTS (SELECT 1 FROM "tickets" AS h1 WHERE h1."id" = t."ticket_id" AND h1."organization_id" = $1);
-- $1 = tenant
-- columns: body, t, labels
