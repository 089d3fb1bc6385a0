/** Default Beast Mastery rotation (SimC APL syntax, see docs/rotation-language.md). */
export const BM_DEFAULT_ROTATION = `# Beast Mastery Hunter default rotation: Pack Leader or Dark Ranger, one target or a pack.
actions=hunters_mark,if=debuff.hunters_mark.down&target.health.pct>80
actions+=/call_action_list,name=cds
actions+=/call_action_list,name=aoe,if=active_enemies>2
actions+=/call_action_list,name=single
# Racials and the potion go with Call of the Wild when it is talented, else with Bestial Wrath.
actions.cds=potion,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|fight_remains<31
# Unyielding Netherprism (when worn): with the racials, at 18 stacks (any more would be lost) and at
# the end of the fight.
actions.cds+=/use_item,name=unyielding_netherprism,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|buff.latent_energy.stack=18|fight_remains<21
actions.cds+=/berserking,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|fight_remains<13
actions.cds+=/ancestral_call,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|fight_remains<16
actions.cds+=/fireblood,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|fight_remains<9
actions.cds+=/blood_fury,if=buff.call_of_the_wild.up|buff.bestial_wrath.up&!talent.call_of_the_wild|fight_remains<16
# One or two targets. Dark Ranger: Black Arrow whenever it is ready (it replaces Kill Shot).
actions.single=black_arrow
# Dark Ranger: Bestial Wrath on cooldown, unless Call of the Wild comes back within 20 s.
actions.single+=/bestial_wrath,if=hero_tree.dark_ranger&(!talent.call_of_the_wild|cooldown.call_of_the_wild.remains>20)
# Pack Leader with the 4-piece: Bestial Wrath when the howl's next beast comes while Lead From the
# Front (12 s) is up, with a few globals to spare.
actions.single+=/bestial_wrath,if=!hero_tree.dark_ranger&(!set_bonus.tww3_4pc|buff.howl_of_the_pack_leader_cooldown.remains<buff.lead_from_the_front.duration+6%gcd)
# Never let Barbed Shot sit on full charges.
actions.single+=/barbed_shot,if=cooldown.barbed_shot.full_recharge_time<gcd
actions.single+=/bloodshed
actions.single+=/call_of_the_wild
# Explosive Shot only with Thundering Hooves, which makes every pet Stomp twice as hard when it explodes.
actions.single+=/explosive_shot,if=talent.thundering_hooves
# Dark Ranger: Kill Command first. Pack Leader: Kill Command and Barbed Shot take turns, the one
# with more charges first; Kill Command waits at the very end of Lead From the Front unless a beast
# is ready or it would cap.
actions.single+=/kill_command,if=hero_tree.dark_ranger|cooldown.kill_command.charges_fractional>=cooldown.barbed_shot.charges_fractional&(howl_summon.ready|buff.lead_from_the_front.remains<gcd|buff.lead_from_the_front.remains>gcd*2|cooldown.kill_command.full_recharge_time<gcd)
actions.single+=/barbed_shot
actions.single+=/kill_shot
actions.single+=/cobra_shot
# Three or more targets: Barbed Shot on the target whose bleed ends first, Multi-Shot for Beast Cleave.
actions.aoe=black_arrow
actions.aoe+=/bestial_wrath,if=hero_tree.dark_ranger&(!talent.call_of_the_wild|cooldown.call_of_the_wild.remains>20)
# On a pack the Pack Leader window is tighter: the beast comes at most 3 s after Lead From the Front ends.
actions.aoe+=/bestial_wrath,if=!hero_tree.dark_ranger&(!set_bonus.tww3_4pc|buff.howl_of_the_pack_leader_cooldown.remains<buff.lead_from_the_front.duration+3)
# Pack Leader also spends Barbed Shot charges ahead of Kill Command's, and before a ready beast.
actions.aoe+=/barbed_shot,target_if=min:dot.barbed_shot.remains,if=cooldown.barbed_shot.full_recharge_time<gcd|!hero_tree.dark_ranger&(cooldown.barbed_shot.charges_fractional>=cooldown.kill_command.charges_fractional|howl_summon.ready&cooldown.barbed_shot.full_recharge_time<8)
actions.aoe+=/bloodshed
# With Bloody Frenzy, Call of the Wild's beasts cleave on their own: no Multi-Shot while it is ready.
actions.aoe+=/multishot,if=pet.main.buff.beast_cleave.down&(!talent.bloody_frenzy|!cooldown.call_of_the_wild.ready)
actions.aoe+=/call_of_the_wild
actions.aoe+=/explosive_shot,if=talent.thundering_hooves
actions.aoe+=/barbed_shot,target_if=min:dot.barbed_shot.remains,if=hero_tree.dark_ranger&cooldown.barbed_shot.charges_fractional>=cooldown.kill_command.charges_fractional
actions.aoe+=/kill_command
# Dark Ranger keeps focus for Kill Command; Pack Leader's Cobra Shots shorten the howl (Dire Summons).
actions.aoe+=/cobra_shot,if=!hero_tree.dark_ranger|focus.time_to_max<gcd*2
`;
