import Type from 'typebox';

export const DeleteAccountBody = Type.Object(
  {
    password: Type.String({ minLength: 1, maxLength: 200, description: 'Your current password, to confirm' }),
    posts: Type.Union([Type.Literal('keep'), Type.Literal('remove')], {
      description: 'keep: your posts stay, shown as by "Deleted account"; remove: they are deleted',
    }),
  },
  { additionalProperties: false },
);

export const DataExport = Type.Object({
  exportedAt: Type.String({ format: 'date-time' }),
  account: Type.Unknown({ description: 'Profile, email, memberships and sessions' }),
  sections: Type.Record(Type.String(), Type.Unknown(), {
    description:
      'One section per module: social (posts, follows, likes), commerce (orders, addresses), notifications (notifications and settings)',
  }),
});
