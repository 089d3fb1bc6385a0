/** Default Marksmanship rotation (SimC APL syntax, see docs/rotation-language.md). */
export const MM_DEFAULT_ROTATION = `# Marksmanship Hunter default rotation: Dark Ranger or Sentinel, one target or a pack.
# At the pull, as in SimulationCraft, the first harmful spell here lands at once, its cast skipped:
# an Aimed Shot (on any number of targets: +1 to +1.6 % here, where a Steady Shot gains nothing).
actions.precombat=aimed_shot
actions=hunters_mark,if=debuff.hunters_mark.down&target.health.pct>80
# Racials and the potion with Trueshot.
actions+=/potion,if=buff.trueshot.up|fight_remains<31
# Unyielding Netherprism (when worn): its Latent Energy with Trueshot once a few stacks are in, at
# 18 stacks (any more would be lost), and at the end of the fight.
actions+=/use_item,name=unyielding_netherprism,if=buff.trueshot.up&buff.latent_energy.stack>=6|buff.latent_energy.stack=18|fight_remains<21
actions+=/berserking,if=fight_remains<13|buff.trueshot.up
actions+=/ancestral_call,if=buff.trueshot.up|fight_remains<16
actions+=/fireblood,if=buff.trueshot.up|fight_remains<9
actions+=/blood_fury,if=buff.trueshot.up|fight_remains<16
actions+=/lights_judgment,if=!buff.trueshot.up
actions+=/call_action_list,name=trickshots,if=active_enemies>2&talent.trick_shots
actions+=/call_action_list,name=cleave,if=active_enemies>1
actions+=/call_action_list,name=st
# Single target. Shrapnel Shot: Explosive Shot for Lock and Load when Aimed Shot is short of charges.
actions.st=explosive_shot,if=talent.shrapnel_shot&buff.trueshot.down&cooldown.aimed_shot.charges_fractional<=1.1&buff.lock_and_load.down
# Lunar Storm: Rapid Fire as soon as a storm is ready.
actions.st+=/rapid_fire,if=buff.lunar_storm_cooldown.down&talent.lunar_storm
# Trueshot once Rapid Fire has built Bulletstorm stacks for its Aimed Shots.
# Volley (talent): on cooldown, for its Trick Shots and, with Kill Zone, its +8 % on the targets in it;
# with Double Tap, not while a Double Tap from Trueshot is still to be spent.
actions.st+=/volley,if=talent.volley&buff.double_tap.down
# Dark Ranger: just after an Aimed Shot (while it flies), a Deathblow it rolled at its cast may not be
# seen yet (reaction time); a Steady Shot waits for it instead of spending Precise Shots that Black
# Arrow would take.
actions.st+=/steady_shot,if=hero_tree.dark_ranger&action.aimed_shot.in_flight&!action.black_arrow.ready&buff.trueshot.down&cooldown.trueshot.remains
# Dark Ranger: a Black Arrow that is ready goes out before Trueshot.
actions.st+=/trueshot,if=(!talent.bulletstorm|buff.bulletstorm.up|fight_remains<16)&!(hero_tree.dark_ranger&action.black_arrow.ready)
# With Headshot, Kill Shot is a Precise Shots spender; so is Dark Ranger's Black Arrow, which replaces it.
# A marked target with Moving Target up is Aimed Shot's first: spenders wait for it.
actions.st+=/kill_shot,if=!talent.headshot|buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.st+=/black_arrow,if=!talent.headshot|buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
# Lock and Load's free Aimed Shot at once only with Moving Target up; otherwise in its turn below.
actions.st+=/aimed_shot,if=buff.trueshot.up&buff.precise_shots.down|buff.lock_and_load.up&buff.moving_target.up
# Not while a Deathblow waits for its Black Arrow (Kill Shot): the channel would delay it.
actions.st+=/rapid_fire,if=!buff.deathblow.react
# Spend Precise Shots (half GCD) before the next Aimed Shot, unless its charges would cap.
actions.st+=/arcane_shot,if=buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.st+=/aimed_shot,if=buff.precise_shots.down|debuff.spotters_mark.up&buff.moving_target.up|cooldown.aimed_shot.full_recharge_time<action.aimed_shot.cast_time+gcd
actions.st+=/explosive_shot,if=buff.trueshot.down|talent.precision_detonation
actions.st+=/steady_shot
# Two targets, or more without Trick Shots: the single-target order, but Multi-Shot spends Precise
# Shots (it hits every target, for less focus than Arcane Shot), except Dark Ranger's on two targets
# (there Arcane Shot's one hit does more), and Explosive Shot on cooldown.
actions.cleave=explosive_shot,if=talent.shrapnel_shot&buff.trueshot.down&cooldown.aimed_shot.charges_fractional<=1.1&buff.lock_and_load.down
actions.cleave+=/rapid_fire,if=buff.lunar_storm_cooldown.down&talent.lunar_storm
actions.cleave+=/volley,if=talent.volley&buff.double_tap.down
actions.cleave+=/steady_shot,if=hero_tree.dark_ranger&action.aimed_shot.in_flight&!action.black_arrow.ready&buff.trueshot.down&cooldown.trueshot.remains
actions.cleave+=/trueshot,if=(!talent.bulletstorm|buff.bulletstorm.up|fight_remains<16)&!(hero_tree.dark_ranger&action.black_arrow.ready)
actions.cleave+=/kill_shot,if=!talent.headshot|buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.cleave+=/black_arrow,if=!talent.headshot|buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.cleave+=/aimed_shot,if=buff.trueshot.up&buff.precise_shots.down|buff.lock_and_load.up&buff.moving_target.up
actions.cleave+=/rapid_fire,if=!buff.deathblow.react
actions.cleave+=/arcane_shot,if=hero_tree.dark_ranger&active_enemies<3&buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.cleave+=/multishot,if=buff.precise_shots.up&!(debuff.spotters_mark.up&buff.moving_target.up)
actions.cleave+=/aimed_shot,if=buff.precise_shots.down|debuff.spotters_mark.up&buff.moving_target.up|cooldown.aimed_shot.full_recharge_time<action.aimed_shot.cast_time+gcd
actions.cleave+=/explosive_shot
actions.cleave+=/steady_shot
# Three or more targets: keep Trick Shots up, ricochet Rapid Fire and Aimed Shot.
# Volley's Trick Shots last its 6 s and are not spent: Multi-Shot then only spends Precise Shots.
actions.trickshots=volley,if=talent.volley&buff.double_tap.down
actions.trickshots+=/multishot,if=buff.trick_shots.down|buff.precise_shots.up
actions.trickshots+=/rapid_fire,if=talent.lunar_storm&buff.lunar_storm_cooldown.down&buff.trick_shots.remains>execute_time
actions.trickshots+=/trueshot,if=!talent.bulletstorm|buff.bulletstorm.up|fight_remains<16
# With Bullet Hell Rapid Fire comes back every few seconds: it waits for Aimed Shot's charges to be spent.
actions.trickshots+=/rapid_fire,if=execute_time<buff.trick_shots.remains&(!talent.bullet_hell|cooldown.aimed_shot.charges<1)
actions.trickshots+=/explosive_shot
actions.trickshots+=/aimed_shot,if=buff.trick_shots.remains>cast_time
actions.trickshots+=/kill_shot
actions.trickshots+=/black_arrow
actions.trickshots+=/steady_shot
`;
