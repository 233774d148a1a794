-- Ticket | where all(watchers where role != VIEWER) | count
SELECT count(*) AS "count"
FROM "tickets" AS t
WHERE t."organization_id" = $1
  AND NOT EXISTS (SELECT 1 FROM "members" AS c1 WHERE c1."organization_id" = $1 AND EXISTS (SELECT 1 FROM "_Watchers" AS l1 WHERE l1."A" = c1."id" AND l1."B" = t."id") AND (c1."role" <> $2::"MemberRole") IS NOT TRUE);
-- $1 = tenant
-- $2 = 'VIEWER'::"MemberRole"
-- columns: count
