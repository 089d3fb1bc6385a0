/** Default Beast Mastery rotation (SimC APL syntax, see docs/rotation-language.md). */
export const BM_DEFAULT_ROTATION = `# Beast Mastery Hunter default rotation
actions=hunters_mark,if=debuff.hunters_mark.down&target.health.pct>80
actions+=/call_action_list,name=cds
actions+=/call_action_list,name=cleave,if=active_enemies>1
actions+=/call_action_list,name=st
actions.cds=bestial_wrath,if=cooldown.kill_command.charges_fractional>=1|fight_remains<16
actions.cds+=/call_of_the_wild
actions.cds+=/bloodshed
actions.cds+=/potion,if=buff.bestial_wrath.up|fight_remains<31
actions.cds+=/berserking,if=buff.bestial_wrath.up|fight_remains<13
actions.cds+=/ancestral_call,if=buff.bestial_wrath.up|fight_remains<16
actions.cds+=/fireblood,if=buff.bestial_wrath.up|fight_remains<9
actions.cds+=/blood_fury,if=buff.bestial_wrath.up|fight_remains<16
actions.cleave=barbed_shot,if=pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd+0.25
actions.cleave+=/multishot,if=pet.main.buff.beast_cleave.remains<0.25+gcd
actions.st=barbed_shot,if=pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd+0.25|cooldown.barbed_shot.full_recharge_time<gcd
actions.st+=/kill_command,if=cooldown.kill_command.charges_fractional>=1.5|buff.bestial_wrath.up
actions.st+=/kill_shot
actions.st+=/black_arrow
actions.st+=/kill_command
actions.st+=/barbed_shot,if=pet.main.buff.frenzy.stack<3|buff.call_of_the_wild.up
actions.st+=/cobra_shot,if=focus.time_to_max<gcd*2|cooldown.kill_command.remains>gcd&focus>=65
actions.st+=/cobra_shot,if=buff.bestial_wrath.up&focus>=60
`;
