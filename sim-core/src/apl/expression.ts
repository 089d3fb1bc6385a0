/**
 * Tokenizer and precedence-climbing parser for APL expressions (`if=`, `value=`, `sec=`, ...).
 *
 * Precedence, loosest first (all binary operators are left-associative):
 *   `|`  <  `^`  <  `&`  <  `= != < <= > >=`  <  `<? >?`  <  `+ -`  <  `* % %%`  <  unary `! - +`
 */
import type { BinaryOp, Expr, UnaryOp } from './ast.ts';
import type { AplVocabulary } from './context.ts';
import { APL_LIMITS, RotationError } from './errors.ts';
import { standaloneContext, type ParseContext } from './parse-context.ts';
import { parseProperty } from './properties.ts';

const FUNCTIONS: ReadonlySet<string> = new Set(['floor', 'ceil']);

type TokenType = 'num' | 'id' | 'op' | '(' | ')' | 'end';
interface Token {
  type: TokenType;
  text: string;
  column: number;
}

const TWO_CHAR_OPS: Record<string, string> = {
  '<=': '<=',
  '>=': '>=',
  '!=': '!=',
  '==': '=',
  '<?': '<?',
  '>?': '>?',
  '%%': '%%',
  '&&': '&',
  '||': '|',
};
const ONE_CHAR_OPS = '+-*%<>=!&|^';

const BINARY_PRECEDENCE: Record<string, number> = {
  '|': 1,
  '^': 2,
  '&': 3,
  '=': 4,
  '!=': 4,
  '<': 4,
  '<=': 4,
  '>': 4,
  '>=': 4,
  '<?': 5,
  '>?': 5,
  '+': 6,
  '-': 6,
  '*': 7,
  '%': 7,
  '%%': 7,
};

const isDigit = (ch: string): boolean => ch >= '0' && ch <= '9';
const isIdStart = (ch: string): boolean => (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch === '_';
const isIdChar = (ch: string): boolean => isIdStart(ch) || isDigit(ch);

function tokenize(text: string, line: number, column: number): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    const col = column + i;
    if (ch === ' ' || ch === '\t') {
      i++;
      continue;
    }
    if (tokens.length >= APL_LIMITS.maxExpressionTokens) {
      throw new RotationError(`expression longer than ${APL_LIMITS.maxExpressionTokens} tokens`, line, col);
    }
    if (isDigit(ch) || (ch === '.' && isDigit(text[i + 1] ?? ''))) {
      let j = i;
      while (j < text.length && isDigit(text[j]!)) j++;
      if (text[j] === '.' && isDigit(text[j + 1] ?? '')) {
        j++;
        while (j < text.length && isDigit(text[j]!)) j++;
      }
      if (j < text.length && (isIdChar(text[j]!) || text[j] === '.')) {
        throw new RotationError(`invalid number '${text.slice(i, j + 1)}'`, line, col);
      }
      tokens.push({ type: 'num', text: text.slice(i, j), column: col });
      i = j;
    } else if (isIdStart(ch)) {
      let j = i + 1;
      for (;;) {
        while (j < text.length && isIdChar(text[j]!)) j++;
        if (text[j] === '.' && isIdChar(text[j + 1] ?? '')) j++;
        else break;
      }
      tokens.push({ type: 'id', text: text.slice(i, j), column: col });
      i = j;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ type: ch, text: ch, column: col });
      i++;
    } else {
      const two = TWO_CHAR_OPS[text.slice(i, i + 2)];
      if (two !== undefined) {
        tokens.push({ type: 'op', text: two, column: col });
        i += 2;
      } else if (ONE_CHAR_OPS.includes(ch)) {
        tokens.push({ type: 'op', text: ch, column: col });
        i++;
      } else {
        throw new RotationError(`unexpected character '${ch}' in expression`, line, col);
      }
    }
  }
  tokens.push({ type: 'end', text: '', column: column + text.length });
  return tokens;
}

class ExpressionParser {
  private pos = 0;
  private depth = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly line: number,
    private readonly ctx: ParseContext,
  ) {}

  parse(): Expr {
    if (this.tokens[0]!.type === 'end') throw this.error('empty expression', this.tokens[0]!);
    const expr = this.binary(1);
    const tok = this.tokens[this.pos]!;
    if (tok.type !== 'end') throw this.error(`unexpected '${tok.text}'`, tok);
    return expr;
  }

  private error(message: string, tok: Token): RotationError {
    return new RotationError(message, this.line, tok.column);
  }

  private binary(minPrecedence: number): Expr {
    let left = this.unary();
    for (;;) {
      const tok = this.tokens[this.pos]!;
      const prec = tok.type === 'op' ? BINARY_PRECEDENCE[tok.text] : undefined;
      if (prec === undefined || prec < minPrecedence) return left;
      this.pos++;
      const right = this.binary(prec + 1);
      left = { kind: 'binary', op: tok.text as BinaryOp, left, right, line: this.line, column: tok.column };
    }
  }

  private enter(tok: Token): void {
    if (++this.depth > APL_LIMITS.maxExpressionDepth) {
      throw this.error(`expression nested deeper than ${APL_LIMITS.maxExpressionDepth}`, tok);
    }
  }

  private unary(): Expr {
    const tok = this.tokens[this.pos]!;
    if (tok.type === 'op' && (tok.text === '!' || tok.text === '-' || tok.text === '+')) {
      this.enter(tok);
      this.pos++;
      const arg = this.unary();
      this.depth--;
      return { kind: 'unary', op: tok.text as UnaryOp, arg, line: this.line, column: tok.column };
    }
    return this.primary();
  }

  private primary(): Expr {
    const tok = this.tokens[this.pos]!;
    switch (tok.type) {
      case 'num':
        this.pos++;
        return { kind: 'number', value: Number(tok.text), line: this.line, column: tok.column };
      case 'id': {
        this.pos++;
        if (this.tokens[this.pos]!.type !== '(')
          return parseProperty(tok.text, this.line, tok.column, this.ctx);
        if (!FUNCTIONS.has(tok.text)) {
          throw this.error(`unknown function '${tok.text}' (functions: ${[...FUNCTIONS].join(', ')})`, tok);
        }
        const arg = this.parenthesised(this.tokens[this.pos]!);
        return { kind: 'call', fn: tok.text as 'floor' | 'ceil', arg, line: this.line, column: tok.column };
      }
      case '(':
        return this.parenthesised(tok);
      case 'end':
        throw this.error('expression ends too early', tok);
      default:
        throw this.error(`unexpected '${tok.text}'`, tok);
    }
  }

  /** `( expr )` starting at the '(' token `open`. */
  private parenthesised(open: Token): Expr {
    this.enter(open);
    this.pos++;
    const inner = this.binary(1);
    const close = this.tokens[this.pos]!;
    if (close.type !== ')') {
      throw this.error(
        close.type === 'end' ? `missing ')'` : `expected ')' but found '${close.text}'`,
        close,
      );
    }
    this.pos++;
    this.depth--;
    return inner;
  }
}

/**
 * Parses one expression whose first character is at (line, column). Pass a vocabulary to check
 * names against it, or a ParseContext (the rotation parser's: warnings, the current action).
 */
export function parseExpression(
  text: string,
  line: number,
  column: number,
  context?: AplVocabulary | ParseContext,
): Expr {
  const ctx = context === undefined || 'actions' in context ? standaloneContext(context) : context;
  return new ExpressionParser(tokenize(text, line, column), line, ctx).parse();
}
