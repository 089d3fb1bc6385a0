/**
 * The parsed form of a rotation (plain, JSON-serialisable data). Every node carries the 1-based
 * line and column where it starts in the rotation text, so later stages can report errors there.
 */

export interface SourcePos {
  readonly line: number;
  readonly column: number;
}

export type UnaryOp = '!' | '-' | '+';
/** `%` is SimC's division, `%%` the remainder, `<?` max, `>?` min (SimulationCraft's meaning), `^` exclusive or. */
export type BinaryOp =
  '+' | '-' | '*' | '%' | '%%' | '<?' | '>?' | '=' | '!=' | '<' | '<=' | '>' | '>=' | '&' | '^' | '|';

/** Kinds of named properties: `buff.X.up`, `cooldown.X.remains`, `variable.X`, ... */
export type NamedSource =
  | 'buff'
  | 'debuff'
  | 'dot'
  | 'cooldown'
  | 'talent'
  | 'petBuff'
  | 'action'
  | 'prevGcd'
  | 'prev'
  | 'variable'
  | 'spellTargets'
  /** `set_bonus.NAME`: a class set bonus, by its full name (specs/tier-sets.ts). */
  | 'setBonus'
  /** `equipped.NAME`: an item whose effect is modelled is worn (specs/gear.ts EQUIPPED_ITEMS). */
  | 'equipped';

/** Properties without a name: `focus`, `gcd.remains`, `target.health.pct`, ... */
export type GlobalField =
  | 'focus'
  | 'focus.deficit'
  | 'focus.time_to_max'
  | 'focus.max'
  | 'focus.regen'
  | 'focus.pct'
  | 'gcd'
  | 'gcd.remains'
  | 'gcd.max'
  | 'time'
  | 'fight_remains'
  | 'active_enemies'
  | 'spell_targets'
  | 'target.health.pct'
  | 'target.time_to_die'
  | 'time_to_die'
  | 'time_to_die.remains';

export interface NumberExpr extends SourcePos {
  readonly kind: 'number';
  readonly value: number;
}
export interface UnaryExpr extends SourcePos {
  readonly kind: 'unary';
  readonly op: UnaryOp;
  readonly arg: Expr;
}
export interface BinaryExpr extends SourcePos {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
}
/** A property naming a spell, buff, talent, variable, ...; `field` is '' when the source has none. */
export interface NamedRef extends SourcePos {
  readonly kind: 'named';
  readonly source: NamedSource;
  readonly name: string;
  /** Column of `name` in the text (for errors about the name). */
  readonly nameColumn: number;
  readonly field: string;
  /** `N` of `prev_gcd.N.X`, else 0. */
  readonly n: number;
}
export interface GlobalRef extends SourcePos {
  readonly kind: 'global';
  readonly field: GlobalField;
}
/** `floor(x)` / `ceil(x)`. */
export interface CallExpr extends SourcePos {
  readonly kind: 'call';
  readonly fn: 'floor' | 'ceil';
  readonly arg: Expr;
}
export type Expr = NumberExpr | UnaryExpr | BinaryExpr | NamedRef | GlobalRef | CallExpr;

export type VariableOp =
  'set' | 'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'floor' | 'ceil' | 'reset' | 'setif';

/** `target_if=min:expr` picks the target with the lowest value, `max:` the highest, `first:` the first non-zero. */
export interface TargetIf {
  readonly mode: 'min' | 'max' | 'first';
  readonly expr: Expr;
}

interface ActionBase extends SourcePos {
  /** `if=` condition. */
  readonly condition?: Expr;
}
export interface SpellAction extends ActionBase {
  readonly type: 'spell';
  readonly name: string;
  /** `line_cd=` seconds; 0 when absent. */
  readonly lineCd: number;
  readonly targetIf?: TargetIf;
  /** `cycle_targets=1`: use it on the first enemy where it is ready and `if=` holds. */
  readonly cycleTargets: boolean;
}
export interface ListAction extends ActionBase {
  readonly type: 'call_action_list' | 'run_action_list';
  readonly list: string;
  readonly listColumn: number;
}
export interface VariableAction extends ActionBase {
  readonly type: 'variable';
  readonly name: string;
  readonly nameColumn: number;
  readonly op: VariableOp;
  /** `value=` (required by every op except reset, floor and ceil). */
  readonly value?: Expr;
  /** `value_else=` of setif (0 when absent). */
  readonly valueElse?: Expr;
  /** `condition=` of setif. */
  readonly setCondition?: Expr;
  /** `default=`: the value at the start of each iteration and after `op=reset`. */
  readonly defaultValue: number;
}
export interface WaitAction extends ActionBase {
  readonly type: 'wait';
  readonly sec: Expr;
}
export interface PoolAction extends ActionBase {
  readonly type: 'pool_resource';
  /** Pool for the next action of the list (default) or, with `wait=`, wait that long. */
  readonly forNext: boolean;
  readonly wait?: Expr;
  readonly extraAmount?: Expr;
}
export type AplAction = SpellAction | ListAction | VariableAction | WaitAction | PoolAction;

export interface AplList extends SourcePos {
  readonly name: string;
  readonly actions: AplAction[];
}

/**
 * Something in the text that loads but does not do what it does in SimulationCraft (an action
 * with nothing to model, a talent or buff that is not modelled and reads 0, ...). `message`
 * starts with `line L:`.
 */
export interface RotationWarning {
  readonly line: number;
  readonly column: number;
  /** `line N: ` and the reason. */
  readonly message: string;
  /** The reason alone (for a reader that numbers lines its own way, such as a pasted profile). */
  readonly reason: string;
}

/**
 * A parsed rotation: its action lists in order of first appearance (`default` is the `actions=`
 * list) and the warnings found while reading it, in text order.
 */
export interface Rotation {
  readonly lists: AplList[];
  readonly warnings: RotationWarning[];
}
