/**
 * Action lists written for the tests (our own text) in the style of SimulationCraft's current
 * default hunter lists: every construct those lists use appears at least once (no-op actions,
 * racials, consumables, trinkets, target_if=min:/max: with max_prio_damage, action-scoped
 * shorthands, hero_tree, apex/howl_summon, prev/prev_gcd, time_to_die.remains, use_off_gcd,
 * precast_time, cycle_targets, line_cd, variables, %% and functions), and the constructs of its
 * seasonal profiles (a channel's interrupt_if= and its flags, cast_regen, cooldown_react,
 * remains_guess, buff.X.tick_time_remains, talents and tier-set buffs of other seasons, set_bonus.X
 * of this season, as SimC's BM list reads it, and of another).
 */

export const BM_SIMC_STYLE = `# Beast Mastery in SimulationCraft's current default style (written for this test)
actions.precombat=summon_pet
actions.precombat+=/snapshot_stats
actions.precombat+=/variable,name=bw_sync,value=1
actions.precombat+=/use_item,name=some_trinket
actions.precombat+=/potion,pre_pot_time=2,if=potion.tempered_potion
actions.precombat+=/bestial_wrath,precast_time=1
actions=auto_shot
actions+=/retarget,target_if=max:target.health,line_cd=10,if=fight_style.dungeonroute
actions+=/call_action_list,name=cds
actions+=/call_action_list,name=items
actions+=/call_action_list,name=pack,if=hero_tree.pack_leader&active_enemies<3
actions+=/call_action_list,name=aoe,if=spell_targets.multishot>2|talent.beast_cleave&active_enemies>1
actions+=/run_action_list,name=st
actions.cds=invoke_external_buff,name=power_infusion,if=buff.bestial_wrath.up|fight_remains<20
actions.cds+=/berserking,if=buff.call_of_the_wild.up|fight_remains<15
actions.cds+=/blood_fury,if=buff.call_of_the_wild.up
actions.cds+=/ancestral_call,if=buff.call_of_the_wild.up
actions.cds+=/fireblood,if=buff.call_of_the_wild.up
actions.cds+=/lights_judgment,if=buff.bestial_wrath.down
actions.cds+=/bag_of_tricks,if=buff.bestial_wrath.down
actions.cds+=/potion,if=buff.call_of_the_wild.up|fight_remains<35
actions.cds+=/call_of_the_wild,use_off_gcd=1,if=cooldown.bestial_wrath.remains<gcd.max|fight_remains<25
actions.cds+=/bloodshed,if=cooldown.bloodshed.duration>0
actions.items=use_items,slots=trinket1:trinket2,if=this_trinket.has_use_buff&buff.bestial_wrath.up|fight_remains<20
actions.items+=/use_item,name=another_trinket,if=equipped.another_trinket&cooldown.bestial_wrath.ready
actions.pack=kill_command,if=howl_summon.ready|buff.howl_of_the_pack_leader_cooldown.remains>3
actions.pack+=/wild_thrash,if=buff.hogstrider.up
actions.aoe=barbed_shot,target_if=min:dot.barbed_shot.remains|max_prio_damage,if=full_recharge_time<gcd.max|pet.main.buff.frenzy.remains<=gcd.max
actions.aoe+=/multishot,if=pet.main.buff.beast_cleave.remains<gcd.max&!prev_gcd.1.multishot
actions.aoe+=/bestial_wrath,if=!prev.multishot|buff.beast_cleave.remains>1
actions.aoe+=/kill_command,cycle_targets=1,if=charges_fractional>1.5|buff.natures_ally.react
actions.aoe+=/black_arrow,if=buff.withering_fire.up
actions.aoe+=/cobra_shot,if=focus.time_to_max<gcd.max*2
actions.st=barbed_shot,target_if=min:dot.barbed_shot.remains|max_prio_damage,if=pet.main.buff.frenzy.up&pet.main.buff.frenzy.remains<=gcd.max+0.25|full_recharge_time<gcd.max
actions.st+=/bestial_wrath,if=variable.bw_sync&(cooldown.call_of_the_wild.remains>20|!talent.call_of_the_wild)|!set_bonus.tww3_4pc
actions.st+=/kill_command,if=cooldown.bestial_wrath.remains>full_recharge_time+gcd.max|!apex.2|buff.bestial_wrath.up
actions.st+=/kill_shot,if=time_to_die.remains>execute_time
actions.st+=/dire_beast
actions.st+=/barbed_shot,if=pet.main.buff.frenzy.stack<pet.main.buff.frenzy.max_stack|buff.thrill_of_the_hunt.at_max_stacks=0
actions.st+=/cobra_shot,if=buff.cobra_fang.at_max_stacks|focus-cost+focus.regen*(cooldown.kill_command.remains-1)>action.kill_command.cost
actions.st+=/cobra_shot,line_cd=1,if=floor(focus%10)>=7
actions.st+=/kill_command,if=buff.withering_fire.tick_time_remains>gcd|buff.withering_fire.down|!talent.multishot
actions.st+=/variable,name=sync_remains,value=cooldown.bestial_wrath.remains_guess,if=buff.blighted_quiver.stack>5
actions.st+=/wait,sec=cooldown.kill_command.remains,if=cooldown.kill_command.remains<0.3
`;

export const MM_SIMC_STYLE = `# Marksmanship in SimulationCraft's current default style (written for this test)
actions.precombat=snapshot_stats
actions.precombat+=/summon_pet,if=talent.unbreakable_bond
actions.precombat+=/aimed_shot,if=active_enemies<3
actions=variable,name=ts_ready,value=!talent.bullseye|fight_remains>cooldown.trueshot.duration+15|buff.bullseye.stack=buff.bullseye.max_stack|time<5
actions+=/auto_shot
actions+=/call_action_list,name=cds
actions+=/call_action_list,name=trinkets
actions+=/call_action_list,name=aoe,if=active_enemies>2&talent.trick_shots
actions+=/call_action_list,name=sent,if=hero_tree.sentinel
actions+=/call_action_list,name=st
actions.cds=invoke_external_buff,name=power_infusion,if=buff.trueshot.remains>10
actions.cds+=/berserking,if=buff.trueshot.up|fight_remains<13
actions.cds+=/blood_fury,if=buff.trueshot.up|cooldown.trueshot.remains>30
actions.cds+=/ancestral_call,if=buff.trueshot.up
actions.cds+=/fireblood,if=buff.trueshot.up
actions.cds+=/lights_judgment,if=buff.trueshot.down
actions.cds+=/potion,if=buff.trueshot.up&(buff.bloodlust.up|fight_remains<60)|fight_remains<30
actions.trinkets=use_items,slots=trinket1:trinket2,if=this_trinket.has_use_buff&this_trinket.cooldown.duration%%cooldown.trueshot.duration=0&buff.trueshot.up
actions.trinkets+=/use_items,slots=trinket1,if=this_trinket.has_use_damage&cooldown.trueshot.remains>20
actions.sent=moonlight_chakram,if=buff.trueshot.remains<execute_time+gcd
actions.sent+=/volley,if=!buff.double_tap.up&(!raid_event.adds.exists|raid_event.adds.in>cooldown)
actions.aoe=multishot,target_if=max:debuff.spotters_mark.down|action.aimed_shot.in_flight_to_target|max_prio_damage,if=buff.trick_shots.down|buff.precise_shots.up&!prev_gcd.1.multishot
actions.aoe+=/trueshot,if=variable.ts_ready
actions.aoe+=/rapid_fire,if=buff.trick_shots.remains>execute_time&(buff.bulletstorm.remains<action.aimed_shot.execute_time|talent.unload)
actions.aoe+=/explosive_shot,if=!talent.precision_detonation|action.aimed_shot.in_flight
actions.aoe+=/aimed_shot,target_if=max:debuff.sentinels_mark.up|max_prio_damage,if=buff.trick_shots.remains>cast_time
actions.aoe+=/steady_shot
actions.st=trueshot,if=variable.ts_ready&!buff.double_tap.up
actions.st+=/aimed_shot,if=buff.trueshot.up&buff.precise_shots.down|full_recharge_time<gcd+cast_time
actions.st+=/rapid_fire,if=buff.bulletstorm.stack<10
actions.st+=/kill_shot,target_if=max:debuff.sentinels_mark.down|max_prio_damage,if=buff.precise_shots.up&active_enemies=1
actions.st+=/black_arrow,if=!talent.headshot|buff.precise_shots.up
actions.st+=/arcane_shot,if=buff.precise_shots.up&(prev_gcd.1.aimed_shot|!buff.trueshot.up)
actions.st+=/explosive_shot,if=talent.shrapnel_shot|cooldown.aimed_shot.charges_fractional<=1.1
actions.st+=/aimed_shot,if=buff.lock_and_load.up|ceil(cooldown.aimed_shot.charges_fractional)>=1
actions.st+=/wailing_arrow,if=!cooldown.black_arrow.ready
actions.st+=/rapid_fire,if=talent.tactical_reload|cooldown.aimed_shot.remains_guess>2,interrupt_if=ticks_remain<2&buff.precise_shots.up,interrupt_immediate=1,interrupt_global=1
actions.st+=/trueshot,if=!action.black_arrow.cooldown_react&variable.ts_ready&!set_bonus.thewarwithin_season_2_4pc
actions.st+=/steady_shot,if=focus+cast_regen<focus.max
actions.st+=/steady_shot
`;
