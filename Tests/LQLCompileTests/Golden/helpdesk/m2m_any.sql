-- Ticket | where any(labels where name == "bug")
SELECT t."id",
       t."number",
       t."subject",
       t."status",
       t."priority",
       t."customer_id" AS "customerId",
       t."assignee_id" AS "assigneeId",
       t."created_at" AS "createdAt",
       t."closed_at" AS "closedAt"
FROM "tickets" AS t
WHERE t."organization_id" = $1
  AND EXISTS (SELECT 1 FROM "labels" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_LabelToTicket" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id") AND c1."name" = $2::text);
-- $1 = tenant
-- $2 = 'bug'::text
-- columns: id, number, subject, status, priority, customerId, assigneeId, createdAt, closedAt
