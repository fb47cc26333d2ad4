/** GraphQL documents used by the portal. */

export const ME_QUERY = /* GraphQL */ `
  query Me {
    me {
      user {
        id
        displayName
        email
      }
      platformAdmin
      actingOrganisation {
        id
        name
        kind
      }
      memberships {
        organisation {
          id
          name
          kind
          alias
        }
        roles
      }
    }
  }
`;
