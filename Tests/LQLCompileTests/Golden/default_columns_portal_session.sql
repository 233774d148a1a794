-- PortalSession | where expiresAt > now()
SELECT t."id",
       t."portal_user_id" AS "portalUserId",
       t."expires_at" AS "expiresAt",
       t."created_at" AS "createdAt",
       t."ip_address" AS "ipAddress"
FROM "portal_sessions" AS t
WHERE t."tenant_id" = $1
  AND t."expires_at" > now();
-- $1 = tenant
-- columns: id, portalUserId, expiresAt, createdAt, ipAddress
