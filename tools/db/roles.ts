// The two database roles (see README "Database roles"). Migrations run as the owner; the API connects as
// the app role, which owns no table, so row-level security binds it. The migrations grant to APP_ROLE by name.
export const OWNER_ROLE = 'babyconnect_owner';
export const APP_ROLE = 'babyconnect_app';
