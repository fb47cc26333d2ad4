export * from './organisation-kind';
export * from './organisation-role';
export * from './group-memberships';
export * from './acting-organisation';
