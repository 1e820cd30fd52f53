import type { BinaryExpression, Expression } from '../ast';

/**
 * A binary expression's left spine, bottom up: `leaf` is the leftmost operand that is not itself
 * a binary expression, `chain[0]` the innermost operator and the last entry `e` itself. The parser
 * builds `a or b or c …` left-deep, so walkers loop over this instead of recursing once per term.
 */
export function leftSpine(e: BinaryExpression): { leaf: Expression; chain: BinaryExpression[] } {
  const chain: BinaryExpression[] = [];
  let node: Expression = e;
  while (node.kind === 'binary') {
    chain.push(node);
    node = node.left;
  }
  return { leaf: node, chain: chain.reverse() };
}

/**
 * The left spine of a chain of `e`'s own operator only (`a and b and c`): `leaf` is the leftmost
 * operand that is not such an operator (`a`, which may be an OR or a comparison), `chain` as above.
 */
export function operatorSpine(e: BinaryExpression): { leaf: Expression; chain: BinaryExpression[] } {
  const chain: BinaryExpression[] = [];
  let node: Expression = e;
  while (node.kind === 'binary' && node.op === e.op) {
    chain.push(node);
    node = node.left;
  }
  return { leaf: node, chain: chain.reverse() };
}
