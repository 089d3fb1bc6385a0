/** Default Marksmanship rotation (SimC APL syntax, see docs/rotation-language.md). */
export const MM_DEFAULT_ROTATION = `# Marksmanship Hunter default rotation
actions=hunters_mark,if=debuff.hunters_mark.down&target.health.pct>80
actions+=/trueshot,if=cooldown.aimed_shot.charges>=1|fight_remains<16
actions+=/potion,if=buff.trueshot.up|fight_remains<31
actions+=/berserking,if=buff.trueshot.up|fight_remains<13
actions+=/ancestral_call,if=buff.trueshot.up|fight_remains<16
actions+=/fireblood,if=buff.trueshot.up|fight_remains<9
actions+=/call_action_list,name=trickshots,if=active_enemies>2
actions+=/call_action_list,name=st
actions.st=kill_shot
actions.st+=/black_arrow
actions.st+=/explosive_shot
actions.st+=/rapid_fire
actions.st+=/aimed_shot,if=buff.precise_shots.down|buff.lock_and_load.up|cooldown.aimed_shot.full_recharge_time<action.aimed_shot.cast_time+gcd
actions.st+=/arcane_shot,if=buff.precise_shots.up|focus>=70
actions.st+=/steady_shot
actions.trickshots=multishot,if=buff.trick_shots.remains<gcd+2.5|buff.precise_shots.up&buff.trick_shots.down
actions.trickshots+=/explosive_shot
actions.trickshots+=/aimed_shot,if=buff.trick_shots.up
actions.trickshots+=/rapid_fire,if=buff.trick_shots.up
actions.trickshots+=/kill_shot
actions.trickshots+=/black_arrow
actions.trickshots+=/multishot,if=focus>=60
actions.trickshots+=/steady_shot
`;
