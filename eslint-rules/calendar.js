// Screens format dates and numbers through the kiosk's calendar (common/calendar.ts) and
// useFormat() (renderer/src/i18n/format.ts), never with toLocale*String or a new Intl formatter:
// those follow the PC's zone or the US order (12/07/2026) and each screen ended up with its own.
const METHODS = new Set(['toLocaleString', 'toLocaleDateString', 'toLocaleTimeString']);

export default {
  meta: {
    type: 'problem',
    docs: { description: 'dates and numbers on screens go through useFormat() or common/calendar.ts' },
    messages: {
      locale: "{{name}}() formats by the PC's own settings: use useFormat() (renderer/src/i18n/format.ts) or common/calendar.ts.",
      intl: "new Intl.{{name}} in a screen: use useFormat() (renderer/src/i18n/format.ts) or common/calendar.ts, where the kiosk's zone and day-first order are fixed.",
    },
    schema: [],
  },
  create(context) {
    return {
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'MemberExpression' && !callee.computed && callee.property.type === 'Identifier' && METHODS.has(callee.property.name)) {
          context.report({ node, messageId: 'locale', data: { name: callee.property.name } });
        }
      },
      NewExpression(node) {
        const callee = node.callee;
        if (
          callee.type === 'MemberExpression' &&
          callee.object.type === 'Identifier' &&
          callee.object.name === 'Intl' &&
          callee.property.type === 'Identifier'
        ) {
          context.report({ node, messageId: 'intl', data: { name: callee.property.name } });
        }
      },
    };
  },
};
