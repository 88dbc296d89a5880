"""Background document frequencies for topic labels (generated data).

The share of briefings (in percent) that use each stem, for the 3,090 stems used by at
least 4% of the 1,154 White House press briefings of 2021–2025 (../shared/corpus),
tokenised and stemmed by ``topics_text.terms``. A stem absent from the table is rarer
than that. The labeller uses it to prefer a segment's distinctive words ("tariffs",
"Dmitriev") over words every briefing uses ("countries", "efforts"); it is a mild
weight, not a stop list, so subjects common in this corpus can still name a segment.

``VERB_LIKE`` holds the stems that, in the same corpus, mostly follow words that
precede verbs, adjectives and adverbs ("to", "will", "we", "is", "very", "not") rather
than words that precede nouns ("the", "a", "our", "of"): the percentage of noun contexts
(below 30%), for stems seen at least 15 times in either context. Labels name subjects,
so such words ("felt", "welcome", "adjust", "unacceptable") weigh less.

Regenerate with::

    from collections import Counter
    df = Counter()
    for path in files:
        df.update({s for s in terms(load_file(path).text)[1] if s})
    # keep stems with df / len(files) >= 0.04, as "stem:percent"
    # VERB_LIKE: for each stem, count the previous token in NOUN_CONTEXT or
    # VERB_CONTEXT; keep (n + 1) / (n + v + 2) < 0.3 when n + v >= 15
"""

from __future__ import annotations

_DATA = """
presid:99 state:99 administr:97 right:97 import:96 includ:96 call:96 peopl:96 countri:95
support:95 nation:93 unit:93 biden:93 forward:92 clear:92 meet:92 american:92 issu:91 provid:91
discuss:90 number:89 effort:89 secur:89 govern:89 announc:88 report:88 commun:88 respons:87
place:87 close:87 coupl:87 share:87 move:87 plan:87 offici:87 second:85 action:85 differ:85
addit:85 leader:85 concern:84 chang:84 partner:83 hous:83 hear:82 convers:82 open:82 sort:82
world:81 white:81 process:81 protect:80 possibl:80 see:80 past:80 decis:79 depart:79 public:79
detail:79 ensur:79 address:79 critic:79 long:78 increas:78 remain:78 heard:78 case:78 deal:78
wonder:78 million:77 polici:77 relat:77 team:77 commit:77 build:77 member:77 famili:77 level:76
top:76 recent:76 three:76 bring:75 feel:75 opportun:75 act:75 engag:75 earlier:75 effect:75
reason:75 line:75 focu:75 moment:75 potenti:75 posit:74 inform:74 join:74 direct:74 focus:74
impact:74 offic:74 order:73 forc:73 congress:72 final:72 deliv:72 hope:72 turn:72 assist:71
lead:71 econom:71 major:71 leav:71 view:71 live:71 progress:71 messag:71 th:71 reach:70
interest:69 stand:69 current:69 directli:69 better:69 follow:69 futur:69 quickli:68 invest:68
challeng:68 percent:68 home:68 job:68 show:68 fund:67 sign:67 area:67 economi:67 situat:67
law:67 best:67 person:66 travel:66 feder:66 fight:66 quick:66 committ:66 senior:66 gener:66
signific:66 ground:66 exampl:65 democrat:65 allow:65 intern:65 approach:65 set:65 consid:65
system:64 releas:64 group:64 prioriti:64 strong:64 side:64 prepar:64 ongo:64 privat:64 health:64
respect:64 access:63 region:63 safe:63 statement:63 america:63 hold:63 result:63 defens:63
pass:63 suppli:63 involv:63 program:63 individu:62 creat:62 leadership:62 agre:62 happi:62
militari:62 visit:62 awar:62 activ:62 kei:62 requir:62 sens:61 edt:61 global:61 alli:61 event:61
histor:61 risk:61 find:61 plai:61 senat:61 face:61 wai:61 billion:61 care:61 develop:61 hard:60
matter:60 stop:60 threat:60 respond:60 oper:60 send:60 remark:60 polit:60 cost:60 busi:59
republican:59 rais:59 receiv:59 war:59 infrastructur:59 advanc:59 base:59 role:59 negoti:58
real:58 russia:58 goal:58 prevent:58 foreign:58 power:58 confirm:57 servic:57 rang:57 author:57
full:57 push:57 resourc:57 beginn:57 execut:57 expand:57 bipartisan:57 pretti:57 room:57
confid:56 encourag:56 stai:56 minist:56 help:56 compani:56 earli:56 vice:56 word:56 avail:56
ukrain:56 china:55 relationship:55 initi:55 front:55 remind:55 assess:55 legisl:55 local:55
colleagu:55 head:54 middl:54 agenda:54 rule:54 bill:54 abil:54 consist:54 propos:54 repres:54
hand:53 offer:53 plann:53 lower:53 four:53 touch:53 comment:53 pandem:53 attack:52 free:52
topic:52 vote:52 covid:52 decid:52 spoken:52 determin:52 refer:52 high:52 read:52 emerg:52
implement:52 welcom:52 mind:52 account:52 wait:52 larg:52 elect:51 guess:51 agreement:51 putt:51
trip:51 data:51 specif:51 energi:51 benefit:51 incred:51 strategi:51 crisi:50 readi:50 measur:50
partnership:50 type:50 fulli:50 strengthen:50 tabl:50 border:50 human:50 record:50 idea:50
preview:50 lai:49 product:49 reduc:49 target:49 schedul:49 pai:49 hour:49 prime:49 russian:49
agenc:48 multipl:48 laid:48 histori:48 nearli:48 track:48 broadli:48 look:48 period:47 review:47
watch:47 met:47 justic:47 half:47 request:47 third:47 date:47 rememb:47 suggest:47 coordin:46
safeti:46 fair:46 essenti:46 expect:46 organ:46 return:46 democraci:46 climat:46 worker:46
complet:46 caus:45 launch:45 appropri:45 improv:45 campaign:45 cover:45 option:45 held:45
washington:45 decad:45 diplomat:45 governor:45 immedi:45 thousand:45 five:45 give:45 fridai:45
probabl:45 think:45 amount:45 center:45 led:45 publicli:45 advisor:44 air:44 weekend:44 parti:44
staff:44 path:44 entir:44 capabl:44 control:44 learn:44 aggress:44 expert:44 independ:44 seek:44
serv:44 spend:44 limit:44 night:44 aid:44 love:44 tool:43 capac:43 reaction:43 price:43
defend:43 promis:43 manufactur:42 left:42 serious:42 south:42 problem:42 arm:42 success:42
monei:42 enforc:42 valu:42 affect:42 monitor:42 recogn:42 timelin:42 vaccin:42 jame:42 rate:42
host:41 exist:41 humanitarian:41 putin:41 six:41 difficult:41 previou:41 speaker:41 trump:41
cut:41 will:41 domest:41 congression:41 context:41 outsid:41 packag:41 particip:41 summit:41
total:41 check:41 chanc:40 express:40 healthcar:40 list:40 sanction:40 singl:40 figur:40
reflect:40 quot:40 sent:40 explain:40 women:40 dollar:40 investig:40 karin:40 separ:40 walk:40
minut:40 basi:40 union:40 sector:40 grow:40 highlight:40 regard:40 save:40 true:40 achiev:40
bradi:39 keep:39 peac:39 approv:39 medic:39 conflict:39 industri:39 council:39 counterpart:39
lift:39 practic:39 school:39 death:39 moder:39 inflat:39 weapon:39 children:39 cooper:39 test:39
hundr:39 similar:39 small:39 citi:38 legal:38 secondli:38 indic:38 jean-pierr:38 background:38
intend:38 conduct:38 rescu:38 strateg:38 start:38 longer:38 run:38 reiter:38 court:37 jake:37
violenc:37 clarifi:37 condit:37 friend:37 necessari:37 york:37 extrem:37 food:37 seriou:37
broader:37 januari:37 intellig:37 manag:37 north:37 describ:37 laugh:37 outcom:37 contact:36
freedom:36 sullivan:36 technolog:36 bottom:36 present:36 short:36 consult:36 europ:36 tax:36
east:36 hill:36 market:36 connect:36 speech:36 higher:36 object:36 fall:36 collect:36 special:36
chain:36 project:36 shot:36 israel:36 urg:36 worri:36 natur:36 gave:35 director:35 part:35
regular:35 reform:35 kick:35 relief:35 educ:35 statu:35 term:35 ukrainian:35 life:35 reduct:35
compon:35 extend:35 ultim:35 intent:35 fundament:34 invit:34 guidanc:34 kill:34 social:34
space:34 blinken:34 citizen:34 pursu:34 solut:34 begin:34 committe:34 identifi:34 lost:34
phone:34 transit:34 land:34 accept:34 confer:34 pressur:34 rest:34 european:34 experi:34
recommend:34 largest:34 sound:34 troop:34 form:33 iran:33 perspect:33 runn:33 bilater:33 nato:33
stage:33 consider:33 transpar:33 mondai:33 prior:33 aren't:33 demand:33 evid:33 outlin:33 hit:33
name:33 purpos:33 normal:33 personnel:33 rise:33 comprehens:32 time:32 march:32 readout:32
referr:32 broad:32 summer:32 territori:32 choos:32 clean:32 road:32 appli:32 board:32 drive:32
anticip:32 attend:32 latest:32 restrict:32 convei:32 brought:32 institut:32 predict:32 cdc:32
diplomaci:32 pull:32 teleconfer:32 hopefulli:31 kid:31 known:31 low:31 podium:31 listen:31
underscor:31 contribut:31 budget:31 negotiat:31 piec:31 consequ:31 recoveri:31 standard:31
found:31 competit:31 definit:31 mark:31 assur:31 student:31 voic:31 brief:30 deepli:30 facil:30
john:30 produc:30 trust:30 accord:30 averag:30 labor:30 maintain:30 st:30 warn:30 immigr:30
strike:30 sustain:30 avoid:30 establish:30 vaccinat:30 drug:30 repeat:30 scienc:30 financi:30
est:30 factor:30 media:30 central:30 civilian:30 roll:30 daili:29 late:29 danger:29 design:29
extens:29 ga:29 construct:29 hospit:29 april:29 understand:29 felt:29 forth:29 tri:29 chines:29
stori:29 delai:29 isra:29 appear:29 water:29 jen:29 red:29 resili:29 closer:29 deploi:29 ladi:29
surg:29 trade:29 ban:29 correct:29 popul:28 subject:28 west:28 wrong:28 disrupt:28 promot:28
finish:28 near:28 previous:28 proud:28 afford:28 greater:28 post:28 train:28 compar:27 curiou:27
end:27 hostag:27 kind:27 octob:27 attempt:27 growth:27 juli:27 june:27 oppos:27 charg:27
choic:27 sever:27 site:27 black:27 depend:27 stabil:27 allianc:27 biden-harri:27 variou:27
young:27 attribut:27 consum:27 credit:27 debt:27 pose:27 oil:27 presidenti:27 faith:27
long-term:26 truli:26 combat:26 dozen:26 huge:26 sett:26 spent:26 strongli:26 flow:26 univers:26
unpreced:26 behalf:26 distribut:26 equip:26 upcom:26 coordinat:26 joint:26 sourc:26 treasuri:26
thought:26 break:26 circumst:26 doctor:26 underwai:26 frankli:26 civil:26 suffer:26 unfortun:26
candid:26 remov:26 stronger:26 threaten:26 suprem:26 surpris:26 updat:26 accur:25 arriv:25
doubl:25 impos:25 nuclear:25 block:25 polic:25 street:25 lose:25 reserv:25 seri:25 vital:25
wide:25 interview:25 restor:25 bank:25 channel:25 excit:25 light:25 elig:25 forget:25 harm:25
crime:25 letter:25 ambassador:25 claim:25 element:25 jeff:25 violat:25 core:25 liter:25
signal:25 movement:25 septemb:25 strength:25 conclud:25 regularli:25 mask:24 common:24
eastern:24 lack:24 novemb:24 occurr:24 principl:24 ti:24 ag:24 miss:24 robust:24 acknowledg:24
insid:24 larger:24 embargo:24 gather:24 pick:24 thursdai:24 urgent:24 attent:24 locat:24
parent:24 sit:24 texa:24 dose:24 heart:24 transport:24 communicat:24 highest:24 instanc:24
materi:24 vulner:24 boost:24 spread:24 vehicl:24 biggest:24 harri:24 rebuild:24 repeatedli:24
homeland:23 opposit:23 capitol:23 handl:23 invas:23 missil:23 resolut:23 task:23 ten:23 grant:23
network:23 studi:23 actual:23 combin:23 corpor:23 cross:23 decemb:23 degre:23 document:23
lawmak:23 declar:23 lastli:23 outreach:23 mexico:23 viru:23 exact:23 gain:23 grate:23 nsc:23
reli:23 basic:23 peter:23 virtual:23 advoc:23 conclus:23 psaki:23 cabinet:23 easi:23
hypothetical:23 shown:23 vision:23 accomplish:23 carri:23 gaza:23 integr:23 mechan:23 africa:22
crimin:22 deep:22 fda:22 incid:22 realiti:22 importantli:22 easier:22 bui:22 origin:22 paid:22
treat:22 unemploy:22 assum:22 condemn:22 enter:22 rout:22 demonstr:22 main:22 sic:22
experienc:22 japan:22 mayor:22 analysi:22 built:22 fail:22 poll:22 zelenskyi:22 februari:22
korea:22 stepp:22 technic:22 treatment:22 extent:22 phase:22 scale:22 afghanistan:21 chief:21
escal:21 fire:21 gun:21 joe:21 necessarili:21 paus:21 shift:21 altern:21 hurt:21 mission:21
count:21 enabl:21 seven:21 mention:21 participat:21 regardless:21 child:21 desir:21 export:21
eye:21 indo-pacif:21 speak:21 steve:21 kirbi:21 variant:21 wednesdai:21 appoint:21 deadlin:21
good:21 purchas:21 honor:21 occur:21 resolv:21 sundai:21 content:21 damag:21 terrorist:21
wish:21 behavior:21 devastat:21 affair:21 anniversari:21 ceasefir:21 indicat:21 loan:21
medicar:21 platform:21 urgenc:21 weigh:21 door:20 equiti:20 migrant:20 significantli:20
suppos:20 tackl:20 unaccept:20 advic:20 india:20 align:20 entiti:20 intens:20 loss:20 wage:20
bridg:20 doj:20 adult:20 continu:20 estim:20 primari:20 tuesdai:20 fix:20 languag:20 provis:20
apolog:20 chair:20 men:20 temporari:20 xi:20 qualifi:20 stopp:20 character:20 formal:20 game:20
chip:20 environ:20 prosper:20 versu:20 applic:20 bad:20 bear:20 incom:20 johnson:20 perman:20
austin:19 oblig:19 session:19 august:19 counter:19 constitut:19 karen:19 undermin:19 advantag:19
aspect:19 despit:19 research:19 simpl:19 supplement:19 fact:19 mandat:19 trillion:19 florida:19
tension:19 gap:19 influenc:19 mitig:19 uk:19 employee:19 enhanc:19 hama:19 sitt:19 deserv:19
eight:19 electr:19 framework:19 imagin:19 innov:19 dialogu:19 frustrat:19 leverag:19 workforc:19
acceler:19 district:19 equal:19 sea:19 tough:19 wear:19 class:19 comfort:19 contract:19 gov:19
began:18 hh:18 kept:18 round:18 pace:18 palestinian:18 protest:18 netanyahu:18 operat:18 vast:18
field:18 judg:18 yep:18 payment:18 regul:18 societi:18 substanti:18 coalit:18 declin:18 evalu:18
faster:18 mobil:18 recogniz:18 confus:18 effici:18 prescript:18 reiterat:18 celebr:18 color:18
disagre:18 notic:18 port:18 shipp:18 oversea:18 saturdai:18 canada:18 command:18 debat:18
reaffirm:18 western:18 win:18 breath:18 deliveri:18 fema:18 resid:18 rhetor:18 stake:18 wall:18
abroad:18 assault:18 california:18 collabor:18 pledg:18 manner:17 modern:17 onlin:17 shortli:17
career:17 eager:17 highli:17 recov:17 safer:17 town:17 attornei:17 concret:17 financ:17
iranian:17 pathwai:17 saudi:17 wrap:17 divers:17 germani:17 pictur:17 rel:17 shoot:17 cnn:17
model:17 ralli:17 schumer:17 sovereign:17 zero:17 eu:17 flight:17 insur:17 postur:17 precis:17
presenc:17 southern:17 zeke:17 commerc:17 doubt:17 fuel:17 jump:17 usual:17 voter:17 broken:17
brutal:17 deleg:17 deputi:17 emphas:17 pre:17 referenc:17 root:17 taiwan:17 there'l:17 video:17
deepen:17 dramat:17 exercis:17 harder:17 reinforc:17 scenario:17 beat:17 nomin:17 speed:17
actor:17 deni:17 fast:17 fear:17 file:17 fiscal:17 glad:17 josh:17 neg:17 obama:17 associat:16
balanc:16 clariti:16 cutt:16 deliber:16 guard:16 oval:16 prison:16 stuff:16 weather:16
african:16 colleg:16 conven:16 david:16 diseas:16 sovereignti:16 et:16 illeg:16 nomine:16
specul:16 fill:16 journal:16 longstand:16 adjust:16 brave:16 ed:16 en:16 republ:16 advis:16
complex:16 constant:16 dh:16 foundat:16 plane:16 uniti:16 asset:16 cetera:16 fauci:16 guid:16
guidelin:16 logist:16 stood:16 titl:16 varieti:16 winter:16 bodi:16 exchang:16 asia:16
battlefield:16 bolster:16 capit:16 compromis:16 deterr:16 physical:16 reject:16 renew:16
stabl:16 tragic:16 uniqu:16 veteran:16 woman:16 abort:16 childcar:16 decreas:16 minor:16
neighbor:16 pentagon:16 proce:16 trend:16 counsel:16 disast:16 protocol:16 race:16 shortag:16
struggl:16 withdraw:16 aim:16 counti:16 fourth:16 good-pai:16 migrat:16 back:15 defin:15
finaliz:15 michael:15 plu:15 admir:15 compet:15 di:15 point:15 portion:15 structur:15
economist:15 extraordinari:15 regim:15 reopen:15 truck:15 abid:15 facilit:15 link:15 press:15
realiz:15 abus:15 answer:15 approxim:15 credibl:15 old:15 opinion:15 pain:15 scope:15 commiss:15
expedit:15 function:15 guarante:15 horrif:15 prosecut:15 replac:15 worth:15 argument:15
conting:15 manchin:15 meaning:15 ship:15 alongsid:15 arabia:15 associ:15 disappoint:15 extra:15
fed:15 holidai:15 introduc:15 offens:15 size:15 tradit:15 typicalli:15 detain:15 expans:15
sale:15 authoriz:15 bigger:15 burden:15 cap:15 rapid:15 understood:15 clinic:14 coverag:14
demonstrat:14 floor:14 prc:14 publish:14 refus:14 sell:14 teacher:14 aboard:14 dynamic:14 fly:14
innoc:14 mass:14 mean:14 mm-hmm:14 nine:14 ramp:14 battl:14 booster:14 chairman:14 enorm:14
household:14 interag:14 pfizer:14 select:14 shut:14 michigan:14 northern:14 optimist:14
pennsylvania:14 pharmaci:14 prefer:14 stock:14 appar:14 categori:14 draw:14 explor:14 fbi:14
firm:14 websit:14 dropp:14 frequent:14 immun:14 infect:14 rapidli:14 relev:14 argu:14 drop:14
massiv:14 deficit:14 familiar:14 season:14 stakehold:14 stick:14 tune:14 car:14 commerci:14
endur:14 honest:14 percentag:14 prioritiz:14 rural:14 slow:14 transmiss:14 ambiti:14 ap:14
deployment:14 distanc:14 equit:14 lesson:14 twice:14 donald:14 implic:14 increasingli:14
pleas:14 wake:14 cancel:14 carolina:14 coast:14 revers:14 secret:14 agent:13 blue:13 confront:13
contain:13 kevin:13 patient:13 accus:13 anticipat:13 bloomberg:13 congressman:13 moscow:13
strongest:13 arrest:13 duti:13 eas:13 pelosi:13 sensit:13 ceo:13 kelli:13 nanci:13 refuge:13
trial:13 belief:13 corp:13 evolv:13 tactic:13 terror:13 troubl:13 whole-of-govern:13 asylum:13
beij:13 man:13 mistak:13 patrol:13 accelerat:13 arrang:13 embassi:13 endors:13 interact:13
tragedi:13 tremend:13 allud:13 book:13 invad:13 mutual:13 nationwid:13 quarter:13 wors:13
flexibl:13 reuter:13 store:13 alleg:13 bann:13 defer:13 hate:13 solv:13 clarif:13 contrast:13
dispos:13 fairli:13 recess:13 transfer:13 truth:13 unusu:13 victim:13 affirm:12 aisl:12
annual:12 clock:12 complicat:12 jurisdict:12 reconcili:12 al:12 fit:12 midterm:12 phil:12
somehow:12 georgia:12 globe:12 hesit:12 lowest:12 profession:12 roe:12 zient:12 franc:12
multilater:12 pool:12 preserv:12 satisfi:12 stress:12 vladimir:12 brian:12 casualti:12
constantli:12 format:12 inclus:12 pivot:12 smaller:12 super:12 write:12 yellen:12 alex:12
carefulli:12 disagr:12 priorit:12 crack:12 drone:12 mari:12 medicin:12 memori:12 privaci:12
timefram:12 walenski:12 wave:12 blame:12 observ:12 perform:12 shelter:12 version:12 aamer:12
administ:12 crise:12 custom:12 cyber:12 desk:12 deter:12 enact:12 fals:12 mental:12 profit:12
written:12 advocat:12 bold:12 con:12 elabor:12 fashion:12 favor:12 high-level:12 kingdom:12
know:12 mccarthi:12 passag:12 plant:12 seat:12 semiconductor:12 shape:12 cop:12 dod:12
healthi:12 ill:12 overse:12 react:12 violent:12 who'v:12 incent:12 korean:12 procedur:12
spring:12 suspect:12 caucu:11 circl:11 convinc:11 courag:11 misinform:11 moderna:11 scientif:11
assembl:11 becom:11 green:11 hire:11 mother:11 preced:11 racial:11 sick:11 advisori:11
decision-mak:11 expir:11 fought:11 georg:11 internet:11 pipelin:11 qualiti:11 roughli:11
screen:11 apart:11 armi:11 camp:11 chri:11 defeat:11 detent:11 elimin:11 in-person:11
overview:11 station:11 unfold:11 unifi:11 unvaccinat:11 wealthi:11 abc:11 activist:11 digit:11
digniti:11 failur:11 mcconnel:11 proven:11 venezuela:11 amend:11 frontlin:11 impress:11
middle-class:11 unlik:11 addition:11 afghan:11 driver:11 envoi:11 feet:11 forum:11 ran:11
squar:11 substant:11 taxpayer:11 admiss:11 anytime:11 bunch:11 cross-talk:11 detect:11
expertis:11 lifesav:11 stanc:11 cite:11 conserv:11 deliver:11 employer:11 haiti:11 lean:11
older:11 plenti:11 son:11 transform:11 tweet:11 urban:11 util:11 consensu:11 dead:11 delta:11
guest:11 murder:11 theme:11 victori:11 agricultur:11 fulfil:11 mayorka:11 mike:11 nurs:11
overwhelm:11 page:11 weijia:11 aircraft:10 australia:10 centuri:10 easili:10 email:10 flag:10
foot:10 outbreak:10 overturn:10 reproduct:10 search:10 shutdown:10 turkei:10 celebrat:10
egypt:10 environment:10 evaluat:10 gdp:10 investigat:10 legitim:10 quad:10 recognit:10 syria:10
unmut:10 visa:10 appreci:10 immin:10 maritim:10 minim:10 nominat:10 peak:10 popular:10 revenu:10
vocal:10 wrote:10 airport:10 driven:10 empow:10 input:10 interpret:10 jacqui:10 knowledg:10
scene:10 sooner:10 successfulli:10 tour:10 vigil:10 aw:10 breakthrough:10 enjoi:10 expens:10
iraq:10 sought:10 tariff:10 willing:10 code:10 divid:10 earn:10 greatest:10 island:10 last:10
poverti:10 proceed:10 slide:10 soldier:10 wast:10 contin:10 dictat:10 minimum:10 pump:10
retail:10 shipment:10 uphold:10 usaid:10 appeal:10 bar:10 eventu:10 factsheet:10 kremlin:10
rail:10 sadli:10 text:10 theori:10 undertak:10 virginia:10 zone:10 barrier:10 criticiz:10
de-escal:10 fallen:10 lo:10 predecessor:10 seiz:10 wind:10 articl:10 dedicat:10 efficaci:10
elevat:10 except:10 omb:10 overnight:10 resum:10 tech:10 tend:10 classifi:10 congratul:10
congresswoman:10 kyiv:10 prove:10 recal:10 steadi:10 straight:10 warrant:10 archiv:10 borrow:10
dinner:10 ev:10 hezbollah:10 interfer:10 suffici:10 trevor:10 viabl:10 aspir:9 ceil:9 epidem:9
fighter:9 mobiliz:9 reassur:9 spectrum:9 spike:9 storm:9 suspend:9 switch:9 throw:9 traffick:9
echo:9 medicaid:9 mileston:9 repeal:9 swift:9 topper:9 weekli:9 andrea:9 bargain:9 calendar:9
chamber:9 complianc:9 desper:9 fewer:9 gaggl:9 leg:9 momentum:9 pharma:9 proper:9 tell:9 wade:9
alarm:9 dealt:9 destroi:9 divis:9 donat:9 evacu:9 jordan:9 meantim:9 nadia:9 numer:9 oversight:9
regist:9 retir:9 san:9 adequ:9 begun:9 everydai:9 featur:9 intervent:9 isol:9 ohio:9 paper:9
passion:9 princip:9 pro:9 realist:9 safeguard:9 worst:9 brazil:9 commander-in-chief:9 emiss:9
examin:9 la:9 lett:9 notion:9 pacif:9 partisan:9 primarili:9 underli:9 unilater:9 window:9
anymore:9 back-and-forth:9 brown:9 creation:9 excel:9 fellow:9 forgiv:9 gentleman:9 honestli:9
length:9 nbc:9 organiz:9 ron:9 ball:9 bomb:9 difficulti:9 foremost:9 hurrican:9 moral:9
petroleum:9 repair:9 secretari:9 struck:9 substanc:9 surveil:9 thank:9 thorough:9 visibl:9
designat:9 disput:9 indian:9 judgment:9 lebanon:9 li:9 prospect:9 so-cal:9 terribl:9 workplac:9
allevi:9 ammunit:9 analyz:9 angel:9 default:9 groceri:9 inaugur:9 mile:9 phrase:9 qatar:9
similarli:9 survivor:9 zoom:9 adopt:9 award:9 burn:9 fell:9 nice:9 regulatori:9 surround:9
symptom:9 taliban:9 trigger:9 belong:8 discrimin:8 fee:8 indoor:8 question:8 routin:8 sequenc:8
spirit:8 survei:8 yemen:8 airlin:8 disinform:8 disproportion:8 drawdown:8 escalat:8 fentanyl:8
frame:8 heat:8 leak:8 margin:8 method:8 precaut:8 prohibit:8 trail:8 acquir:8 bilat:8 engin:8
maximum:8 optim:8 antibodi:8 barrel:8 cbp:8 coronaviru:8 crucial:8 employment:8 flood:8 ha:8
hatch:8 pattern:8 pillar:8 poland:8 prompt:8 seven-dai:8 short-term:8 slightli:8 suit:8
trilater:8 bulli:8 condol:8 delawar:8 entri:8 halt:8 hemispher:8 insight:8 integrat:8 kaitlan:8
king:8 munit:8 paul:8 rocket:8 smart:8 succe:8 alloc:8 branch:8 chicago:8 chose:8 corrupt:8
dire:8 drill:8 imper:8 ironclad:8 loud:8 perfect:8 rafah:8 reliabl:8 restart:8 tank:8 wound:8
afraid:8 catch:8 ceremoni:8 complic:8 conveni:8 corridor:8 deeper:8 drink:8 injur:8 match:8 nd:8
steadfast:8 tv:8 wrongfulli:8 buck:8 correctli:8 eliminat:8 headlin:8 longer-term:8 navig:8
obviou:8 pend:8 scientist:8 sentenc:8 strain:8 submitt:8 tone:8 artilleri:8 cold:8 emploi:8
expos:8 forecast:8 japanes:8 justin:8 opec:8 properti:8 trajectori:8 twitter:8 unfair:8 card:8
catastroph:8 de:8 dy:8 first-ev:8 gear:8 lever:8 monthli:8 motiv:8 outlet:8 straightforward:8
tangibl:8 waiver:8 allocat:8 cb:8 distinct:8 german:8 lawsuit:8 lock:8 memo:8 narrow:8 resist:8
stream:8 ballist:8 compli:8 gender:8 instruct:8 kristen:8 occas:8 politician:8 proxi:8 upgrad:8
us:8 wit:8 alert:7 corner:7 cybersecuriti:7 draft:7 follow-up:7 ow:7 player:7 politico:7
private-sector:7 uptick:7 widespread:7 avenu:7 criteria:7 dark:7 diminish:7 dive:7 feedback:7
gallon:7 premis:7 promin:7 rid:7 row:7 that'll:7 valid:7 adapt:7 chancellor:7 chosen:7 closest:7
destabiliz:7 durabl:7 elector:7 french:7 girl:7 ignor:7 litig:7 mourn:7 presum:7 proactiv:7
proof:7 provoc:7 regret:7 shore:7 threshold:7 upload:7 year-old:7 acut:7 bipartisanship:7
crystal:7 displai:7 estimat:7 explan:7 facilitat:7 itali:7 patienc:7 rich:7 section:7 younger:7
arab:7 asian:7 caught:7 chart:7 cultur:7 epa:7 haitian:7 judici:7 membership:7 orderli:7
physician:7 prepared:7 sad:7 stark:7 statist:7 wealth:7 batteri:7 collaps:7 convict:7 deadli:7
desanti:7 disabl:7 embrac:7 explicitli:7 factori:7 hunter:7 jon:7 meal:7 mitch:7 obtain:7 pdf:7
pocket:7 procur:7 punish:7 rare:7 sacrific:7 swiftli:7 adversari:7 ambit:7 bidenwhitehous:7
british:7 charter:7 convent:7 covid-press-brief:7 crowd:7 destruct:7 displac:7 enrol:7 fifth:7
hardwork:7 hospitaliz:7 http:7 insulin:7 internation:7 isolat:7 norm:7 owner:7 philadelphia:7
purview:7 tribal:7 unprovok:7 verifi:7 wp-content:7 abbott:7 concert:7 cycle:7 darlen:7 domin:7
grid:7 hack:7 heavili:7 hike:7 houthi:7 idf:7 imag:7 inequ:7 insist:7 macron:7 mix:7 scott:7
solid:7 supplier:7 televis:7 anita:7 concept:7 constitu:7 forcefulli:7 inventori:7 irrespons:7
lawyer:7 ministri:7 muslim:7 omicron:7 panel:7 pr:7 recept:7 reelect:7 retali:7 volum:7 wrapp:7
amaz:7 arizona:7 bureau:7 chao:7 co:7 consequenti:7 elev:7 flank:7 gulf:7 jcpoa:7 mexican:7
neighborhood:7 pari:7 patsi:7 privileg:7 rank:7 sexual:7 steel:7 storag:7 stunt:7 illinoi:7
invok:7 isi:7 journei:7 net:7 newli:7 notabl:7 pack:7 paramet:7 prosecutor:7 sentiment:7 sport:7
stockpil:7 translat:7 treati:7 youth:7 ballot:6 encount:6 gui:6 ic:6 map:6 own:6 photo:6
rollout:6 shock:6 southeast:6 su:6 vett:6 wellb:6 wife:6 assert:6 assign:6 danni:6 flee:6
heartbreak:6 intel:6 legaci:6 lockstep:6 maga:6 messeng:6 npr:6 o'clock:6 outrag:6 recipi:6
reportedli:6 skill:6 toplin:6 transact:6 ventur:6 andrew:6 audienc:6 auto:6 bush:6 chemic:6
communiqué:6 emot:6 feed:6 filibust:6 firefight:6 hitt:6 hostil:6 ir:6 licens:6 rd:6 reconsid:6
steven:6 therapeut:6 wisconsin:6 arrai:6 canadian:6 comparison:6 cr:6 extraordinarili:6 fox:6
heavi:6 like:6 notifi:6 permit:6 pilot:6 pre-pandem:6 princ:6 terrif:6 testifi:6 tire:6
alabama:6 captur:6 exploit:6 grave:6 hang:6 inaccur:6 lgbtq:6 likelihood:6 min:6 strait:6
underserv:6 unrelat:6 unveil:6 veto:6 whelan:6 accid:6 cancer:6 carrier:6 fortun:6 geopolit:6
gosh:6 high-qual:6 jackson:6 modi:6 penalti:6 persist:6 powel:6 resign:6 rigor:6 soil:6
suppress:6 transatlant:6 advocaci:6 firsthand:6 formula:6 housekeep:6 inherit:6 justifi:6
low-incom:6 memorandum:6 playbook:6 poor:6 radio:6 rose:6 sander:6 staffer:6 stall:6 two-stat:6
ventil:6 accordingli:6 articul:6 assassin:6 babi:6 calcul:6 church:6 commonsens:6 creativ:6
cyberattack:6 degrad:6 departur:6 emphasi:6 francisco:6 gasolin:6 hide:6 inspect:6 jersei:6
journalist:6 layer:6 lengthi:6 ma:6 metric:6 miller:6 naval:6 navi:6 outset:6 unanim:6
uncertainti:6 vessel:6 weaken:6 weight:6 writ:6 applaud:6 artifici:6 buttigieg:6 champion:6
characteriz:6 cool:6 gate:6 inappropri:6 inevit:6 interim:6 judiciari:6 maryland:6 note:6
peninsula:6 pulpit:6 quo:6 solar:6 stuck:6 sweden:6 traffic:6 wildfir:6 wing:6 billionair:6
broker:6 colorado:6 counterterror:6 die:6 domain:6 dprk:6 era:6 finer:6 gop:6 inact:6 jinp:6
joke:6 nih:6 peacefulli:6 score:6 settlement:6 sinema:6 unlock:6 venezuelan:6 antisemit:6
await:6 boom:6 brett:6 cent:6 colleen:6 dig:6 disclos:6 el:6 eo:6 exempt:6 label:6 lawn:6
midst:6 mississippi:6 mrna:6 one-year:6 preliminari:6 premium:6 properli:6 pure:6 replenish:6
represent:6 rightli:6 self-defens:6 warm:6 adher:6 ai:6 blow:6 calm:6 christma:6 codifi:6
collin:6 concess:6 dees:6 fastest:6 forev:6 forthcom:6 incentiv:6 instal:6 knock:6 liz:6
overarch:6 reimburs:6 revis:6 stretch:6 talent:6 ton:6 undergo:6 absenc:5 aurelia:5 camera:5
cell:5 commission:5 community-bas:5 cuba:5 ident:5 investor:5 jare:5 machin:5 mom:5 monetari:5
pa:5 park:5 pharmaceut:5 prism:5 sleev:5 spot:5 subsidi:5 surviv:5 tribe:5 unwav:5 aftermath:5
analyst:5 atroc:5 belaru:5 boi:5 braveri:5 broke:5 classroom:5 cooperat:5 deport:5 dismiss:5
expel:5 exposur:5 friendship:5 interior:5 lethal:5 one-on-on:5 operation:5 overcom:5 reckless:5
sacr:5 sat:5 solidar:5 soul:5 subsequ:5 thrill:5 typical:5 wider:5 asean:5 atlant:5 bidenom:5
box:5 certainti:5 commemor:5 conspiraci:5 custodi:5 devast:5 donba:5 firmli:5 jewish:5
monoclon:5 religi:5 rent:5 restaur:5 shame:5 shy:5 sponsor:5 testimoni:5 uae:5 valuabl:5
volatil:5 winn:5 backward:5 broadband:5 citizenship:5 crown:5 face-to-fac:5 father:5 gold:5
griev:5 intimid:5 latino:5 lie:5 marin:5 mild:5 olympic:5 pipe:5 prayer:5 problemat:5 reveal:5
rush:5 settl:5 seung:5 shelv:5 tap:5 unlaw:5 usa:5 airplan:5 assumpt:5 caregiv:5 circulat:5
clear-ei:5 columbia:5 diversifi:5 dobb:5 earth:5 equipp:5 existenti:5 floyd:5 harass:5
heighten:5 kitchen:5 laser-focus:5 load:5 northeast:5 notif:5 number-on:5 overdu:5 pill:5
standpoint:5 tai:5 temporarili:5 weak:5 wealthiest:5 airstrik:5 calculu:5 cpi:5 criswel:5 deem:5
endeavor:5 ethnic:5 forese:5 frank:5 immunocompromis:5 impeach:5 jeremi:5 lab:5 lend:5
louisiana:5 mediat:5 middle-incom:5 obstacl:5 odd:5 op-:5 sec:5 selina:5 submit:5 timet:5 toll:5
tom:5 tout:5 up:5 accommod:5 athlet:5 beach:5 cast:5 cia:5 elderli:5 elon:5 exhaust:5 factual:5
farmer:5 interven:5 lifetim:5 musk:5 ocean:5 se:5 separat:5 sole:5 volunt:5 academ:5 aris:5
astrazeneca:5 atlanta:5 ba:5 daughter:5 depth:5 excess:5 explicit:5 good-faith:5 hispan:5
ideal:5 illicit:5 impli:5 legislatur:5 lunch:5 mouth:5 neutral:5 obama-biden:5 partial:5
patriot:5 physicalli:5 prai:5 president-elect:5 prevail:5 qatari:5 readili:5 refin:5 shutt:5
strict:5 surgeon:5 tight:5 transcript:5 undertaken:5 absolut:5 bi:5 ca:5 cash:5 countless:5
dilig:5 dispar:5 donor:5 envis:5 erdoğan:5 genocid:5 hall:5 instabl:5 interrupt:5 junk:5
kishida:5 math:5 policymak:5 raimondo:5 reunit:5 roundtabl:5 skeptic:5 star:5 susan:5 tokyo:5
trudeau:5 whatsoev:5 adam:5 alaska:5 breakdown:5 bu:5 campu:5 capp:5 caveat:5 commend:5
constraint:5 curb:5 disturb:5 extremist:5 float:5 foster:5 fun:5 genuin:5 grew:5 hardest:5
holdup:5 jail:5 narr:5 need:5 ngo:5 openli:5 overwhelmingli:5 pakistan:5 pollut:5 proposit:5
reluct:5 repress:5 retain:5 shoulder:5 sidelin:5 tehran:5 tick:5 transferr:5 vienna:5 visitor:5
ad:5 app:5 audio:5 baltimor:5 becerra:5 bet:5 blood:5 clearer:5 clinton:5 complaint:5 eat:5
edg:5 egyptian:5 evan:5 evidenc:5 fresh:5 greenhous:5 inflationari:5 jonathan:5 maxim:5
militarili:5 nec:5 oppon:5 prudent:5 sight:5 sold:5 spy:5 tear:5 temperatur:5 toni:5 transnat:5
unequivoc:5 upset:5 user:5 wise:5 abreast:5 accompani:5 aliv:5 amid:5 antivir:5 bond:5
brittnei:5 broaden:5 buildup:5 caution:5 contractor:5 courtnei:5 eldercar:5 embedd:5 ex:5 farm:5
funer:5 grain:5 greet:5 heed:5 horribl:5 imposs:5 indonesia:5 infecti:5 initiat:5 inspector:5
inspir:5 militia:5 refug:5 rental:5 sam:5 simultan:5 teach:5 tenur:5 vari:5 venu:5 vietnam:5
aerial:4 attract:4 bless:4 born:4 breadth:4 brussel:4 closur:4 com:4 crew:4 currenc:4
disconnect:4 earliest:4 ethic:4 evad:4 explos:4 extern:4 griner:4 insecur:4 jet:4 kabul:4
latin:4 livelihood:4 maduro:4 permitt:4 philippin:4 profil:4 profound:4 quarantin:4 reliev:4
sars-cov:4 scholz:4 strip:4 substitut:4 tam:4 va:4 abandon:4 ann:4 ceas:4 compel:4 covax:4
crackdown:4 entitl:4 escalatori:4 exclus:4 finland:4 firearm:4 fraud:4 friendli:4 frozen:4
gang:4 guatemala:4 high-spe:4 hole:4 kamala:4 leader-to-lead:4 liberti:4 motivat:4 mount:4
much-need:4 navalni:4 nevada:4 offshor:4 pleasur:4 realm:4 remot:4 rice:4 robert:4 shalanda:4
swath:4 tennesse:4 unaccompani:4 unclear:4 unquot:4 withhold:4 wow:4 admitt:4 attach:4 axio:4
backlog:4 cbo:4 compens:4 contrari:4 deescal:4 dream:4 dual:4 durat:4 eric:4 expediti:4 fan:4
favorit:4 fossil:4 ftc:4 gabe:4 goug:4 intensifi:4 lavrov:4 lee:4 mainten:4 matt:4 missouri:4
mj:4 near-term:4 nord:4 outlook:4 parol:4 prais:4 revit:4 squeez:4 thanksgiv:4 tirelessli:4
toughest:4 turkish:4 widen:4 worldwid:4 airspac:4 altogeth:4 amazon:4 andi:4 at-hom:4 benefici:4
cautiou:4 chapter:4 contributor:4 cornerston:4 correspond:4 descript:4 discourag:4 footprint:4
generat:4 inquiri:4 ireland:4 jennif:4 kim:4 landmark:4 long-rang:4 mainli:4 mandatori:4
manifest:4 meat:4 outstand:4 prejudg:4 pride:4 proport:4 recruit:4 redoubl:4 revitaliz:4
reward:4 roadmap:4 smooth:4 speedi:4 toolkit:4 tripl:4 tunnel:4 wilmington:4 abdullah:4 avert:4
bottleneck:4 buse:4 cardona:4 competitor:4 comput:4 crimea:4 debri:4 denounc:4 detaine:4 eua:4
evict:4 height:4 injuri:4 lewi:4 marketplac:4 mcgurk:4 moderniz:4 murthi:4 once-in-a-gener:4
pact:4 par:4 pound:4 reed:4 rejoin:4 river:4 rob:4 rulemak:4 summari:4 swap:4 tapp:4 tiktok:4
trickle-down:4 uncommon:4 viral:4 wane:4
"""

DOC_PERCENT: dict[str, int] = {
    k: int(v) for k, v in (item.rsplit(":", 1) for item in _DATA.split())
}

_VERB_DATA = """
aamer:12 abandon:15 abhorr:30 abid:3 absorb:10 abstain:5 acceler:8 accept:7 accommod:19
accomplish:22 achiev:8 acknowledg:18 acquir:9 act:16 adapt:25 address:3 adher:5 adjust:16
administ:11 admit:3 admitt:9 adopt:25 advanc:15 advis:13 advocat:6 affect:17 afraid:1 agre:2
alert:28 alex:10 align:11 aliv:7 allevi:5 allocat:8 allow:3 allud:11 alter:11 amplifi:5 analyz:8
andrea:7 andrew:6 angri:26 anita:14 anticip:6 anticipat:13 anxiou:20 apolog:23 appear:15
applaud:2 appli:3 appreci:22 apprehend:5 appropriat:29 approv:28 aren't:15 argu:1 aris:7
arriv:13 articul:8 articulat:12 ascertain:5 asma:9 assum:1 assur:14 asymptomatic:21 attend:7
attest:27 attract:16 attribut:26 augment:5 aurelia:16 authoriz:17 avail:20 avert:2 avoid:4
await:2 awar:12 backfil:26 badli:9 bake:17 bann:28 barak:12 base:18 bear:5 becom:17 began:5
begin:2 behav:4 beij:28 belabor:4 belong:4 benefici:24 bet:30 bett:18 blame:25 block:9 blow:25
blunt:4 bolster:4 born:5 brace:10 break:27 brian:20 brief:1 bring:3 broaden:14 broadli:13
broke:12 broker:21 brought:1 budg:11 bui:6 built:2 burn:30 cancel:22 capp:16 captur:10 care:20
carefulli:15 carri:5 cast:28 catch:10 caught:4 caus:30 cautiou:25 ceas:23 celebr:18 celebrat:9
certifi:28 chang:27 character:18 characteriz:21 check:12 cheer:5 cheyenne:3 choos:9 chose:2
chosen:10 chri:11 circl:21 cite:1 citizenship:14 clarifi:4 claw:5 clear:6 clear-ei:15 climb:5
close:26 codifi:3 cogniz:11 combat:18 comfort:15 commemor:7 commend:5 committ:1 communicat:6
compar:16 compel:21 compet:15 complain:6 complet:24 compli:1 complianc:29 conced:18 conceiv:4
concentrat:17 conclud:6 condemn:9 conduct:12 confid:19 confirm:12 confront:6 congratul:11
connect:24 conquer:18 consid:1 consist:10 constantli:3 consult:24 cont:9 contemplat:6 convei:1
conven:17 convinc:6 cooperat:10 correct:15 correctli:27 count:21 counter:16 counterproduct:11
covax:30 cover:3 crack:13 creat:3 criticiz:6 cross:28 crush:10 crystal:14 curb:8 curiou:4 cut:8
danc:20 danni:11 david:15 dealt:6 debunk:17 decid:2 declassifi:26 decoupl:11 deem:2 deepen:16
deepli:11 deescal:2 defeat:18 defend:2 defer:7 defin:12 defund:8 degrad:17 delight:7 deliv:3
demonstr:21 demonstrat:12 deni:3 denounc:6 depend:18 deploi:4 depriv:10 describ:3 deserv:1
design:23 designat:24 destabil:17 destroi:4 detain:21 detect:9 deter:1 determin:26 devot:8
diagnos:5 die:4 dig:7 digest:6 dilig:25 diminish:14 directli:13 disagre:1 disappoint:20
discern:18 disclos:5 discount:30 discourag:3 discov:2 discriminat:5 dismantl:23 dismiss:12
dispers:26 disrespect:18 disrupt:30 distinguish:19 distribut:27 dive:9 diversifi:6 divert:5
donat:22 doubl:20 downplai:28 draw:7 drawn:5 drill:17 drive:9 driven:3 dropp:11 dy:25 eager:6
eas:12 easier:6 easili:2 eat:14 echo:19 elabor:2 elev:11 elig:16 elimin:12 eliminat:10 eloqu:11
embark:22 embedd:6 embrac:15 emphas:1 emploi:10 empow:7 en:21 enabl:8 enact:7 encount:30
encourag:4 end:20 engag:27 enhanc:25 enjoi:2 enrich:27 enrol:22 ensur:2 entail:12 enter:3
entertain:21 entitl:9 envis:2 equipp:5 erad:18 eras:8 escap:4 essenti:20 establish:18 europ:24
evacuat:6 evad:6 evalu:18 evaluat:7 eventu:29 evidenc:2 exacerb:6 exacerbat:6 examin:11 excit:13
exclud:5 exercis:29 exert:4 exhaust:21 expand:10 expedit:18 expel:3 expend:6 experienc:6
expir:26 explain:4 explicitli:6 exploit:21 explor:3 expos:3 express:19 extend:19 extract:20
face:21 facilit:10 facilitat:15 familiar:8 feed:12 feel:4 fell:20 felt:0 fewer:12 figur:14
file:19 fill:3 finaliz:9 find:10 firmli:4 fit:29 fix:8 flagg:14 flee:4 flesh:17 float:30
fluctuat:24 fly:13 focus:2 follow:26 forcefulli:3 forg:3 forget:0 forgot:3 forgotten:13 forth:4
fortun:23 foster:18 fought:2 found:7 fruition:7 fulfil:12 fulli:5 furlough:8 gabe:5 galvan:6
gather:13 gave:1 generat:8 give:7 glad:1 glasgow:21 glean:4 grant:30 grappl:7 grate:0 greatli:7
greet:16 grew:4 griev:21 grind:29 guarante:20 guess:1 guid:26 guilti:29 ha:9 halt:29 handl:19
hang:11 happi:3 har:14 harbor:17 harden:25 harder:8 hardli:4 hash:5 heal:24 hear:5 heard:0
hearten:6 heavili:12 heed:3 held:0 help:8 hesit:28 hide:7 highlight:6 hinder:5 hire:17 hit:8
hitt:9 hold:6 honest:30 honestli:4 hope:14 hopefulli:5 horrifi:23 hospitaliz:11 host:16 hurt:4
identifi:4 ignor:7 imagin:2 implement:25 impli:15 impos:3 imposs:14 improv:9 inaccur:23
inappropri:7 inaugurat:3 incentiv:3 includ:17 inconsist:24 incorpor:13 incorrect:14
increasingli:24 indicat:4 induc:4 ineffect:22 inflict:9 inherit:6 initiat:5 inject:27 injur:17
insert:15 insist:27 inspir:29 instal:20 intend:8 intensifi:23 intention:13 interfer:15
interrupt:11 interven:9 introduc:2 invad:2 invent:16 investigat:6 invok:12 involv:10 isolat:29
jake:19 jeff:8 jen:15 jeopard:4 jeremi:11 join:2 josh:7 jump:12 justifi:5 justin:22 kaitlan:3
karen:17 karin:8 keep:17 kelli:12 kept:1 kevin:15 kick:2 kill:17 kirbi:11 knock:14 known:26
kristen:16 lai:5 laid:6 laser-focus:2 launch:22 lead:23 lean:5 learn:3 leav:2 led:4 left:20
lend:24 lessen:21 lett:18 levi:15 lift:8 like:9 listen:8 liter:13 lock:14 look:3 loosen:24
lose:8 lost:6 loud:17 loudli:5 lower:14 lower-intens:26 lucki:6 ly:17 maintain:9 manag:15
mark:17 marri:13 match:15 maxim:7 meg:4 mention:5 met:1 michael:10 mild:22 milwauke:18 minim:9
mislead:24 miss:12 mitigat:12 mj:9 mobiliz:6 moderat:24 moderniz:28 monitor:4 moscow:29 mount:27
mourn:16 move:7 nadia:11 nail:25 necessarili:1 nick:6 nominat:12 notifi:5 obligat:5 obtain:5
occupi:27 occur:7 occurr:17 offer:13 offset:18 operat:12 operation:6 oppos:4 opt:17 optimist:29
organiz:29 outcompet:2 outlin:8 outspoken:8 overcom:4 overli:5 overse:2 overseen:4 overturn:19
ow:3 own:3 pai:3 paid:12 paint:14 paraphras:20 pars:4 participat:9 pass:10 patsi:8 pave:9
peacefulli:6 perceiv:16 perfectli:9 persuad:8 pertain:10 peter:5 physicalli:3 pick:9
pittsburgh:22 plai:13 plann:26 pleas:1 plenti:10 point:6 pois:8 politic:17 popular:28 pose:3
postpon:11 prai:4 pre-posit:23 predetermin:16 predominantli:26 prejudg:2 prematur:15 prepar:8
prescrib:9 present:12 preserv:15 press:28 presum:12 prevail:16 prevent:9 preview:14 previous:17
primarili:11 priorit:18 prioritiz:10 probabl:2 proce:12 produc:7 promot:10 prompt:18 properli:4
prosecut:23 protect:17 proud:6 prove:5 provid:3 prudent:18 publicli:19 publish:11 pull:6
punish:29 purchas:29 pursu:1 push:13 putt:11 quadrupl:4 qualifi:21 quarantin:28 quell:28
quickli:3 rais:3 ramp:9 ran:2 rapidli:14 rare:28 ratchet:20 ratifi:4 reach:5 react:7 read:3
readi:9 readili:3 reaffirm:11 realiz:5 reassur:25 reauthor:22 rebuild:15 recalibr:12 receiv:3
recogn:0 recogniz:16 reconcil:13 reconnect:15 reconsid:4 recov:6 recruit:22 redoubl:9 reduc:5
reengag:10 reevalu:23 refer:4 referenc:2 referr:2 refrain:3 refus:10 regist:21 regret:10
regularli:7 reimburs:27 reinforc:6 reinstat:5 reiter:4 reiterat:4 reject:5 rejoin:15 relai:9
relat:5 relax:25 reli:1 reliev:3 reluct:24 remain:16 rememb:1 remov:19 reopen:20 repai:3
repair:9 repeal:10 repeat:8 repeatedli:29 replac:25 replenish:26 reportedli:3 requir:26
reschedul:20 rescind:4 resist:22 resolv:19 reson:12 resort:6 respect:29 respond:3 restat:6
restor:12 resum:6 retain:10 retak:5 rethink:8 return:24 reunit:6 reveal:12 revers:19 revisit:6
revit:9 revok:5 rightli:3 rock:26 roll:8 run:5 runn:15 safeguard:19 sat:9 satisfi:5 save:16
scare:7 see:1 seek:4 seiz:11 sell:10 send:5 sent:1 separat:13 serious:13 serv:5 set:26 settl:12
shake:12 shame:25 shape:25 share:10 sharpen:28 shed:3 sheryl:5 shipp:29 shore:24 shorten:6
shortli:14 shout:12 show:9 showcas:6 shown:4 shut:2 shutt:20 shy:1 sick:20 sign:15
significantli:4 silent:9 similarli:17 sit:4 sitt:12 skeptic:28 skip:6 slash:7 sleep:23 slow:11
sold:3 solv:3 somehow:1 sought:3 sound:9 sow:6 speak:8 specifi:12 specul:12 spend:19 spent:0
spoken:1 spur:19 squar:13 stai:5 stand:4 start:13 starv:6 steadfast:17 steal:16 stem:3 stepp:11
steve:8 stolen:13 stood:1 stop:4 stopp:7 straightforward:20 strengthen:7 stress:24 strictli:21
strive:5 strongli:1 struck:1 struggl:18 stuck:7 su:20 submit:2 submitt:2 succe:1 succeed:17
successfulli:7 suggest:16 sunset:10 support:24 suppos:2 suppress:10 suspect:21 suspend:1
swiftli:3 sworn:8 ta:11 tackl:5 tailor:24 tamara:6 tap:12 tapp:11 tear:16 teas:24 telegraph:13
tell:19 temporarili:4 tend:10 testifi:6 thank:2 thoroughli:12 threaten:6 thrill:3 thrive:22
throw:6 thwart:11 tick:23 tighten:18 tire:25 toler:9 touch:14 tougher:29 tout:4 tr:24 track:15
transferr:11 transitori:29 transmit:9 transmitt:23 travel:29 treat:3 trevor:25 tri:2 tripl:5
true:13 truli:18 tuesdai:26 tune:28 turn:11 tweak:29 twice:29 twofold:18 typicalli:1 unaccept:11
unclear:9 uncommon:7 undercut:7 underestim:13 undergo:2 undermin:6 underscor:4 underserv:30
understand:7 understood:2 undertak:3 undertaken:5 underwai:1 undo:11 unemploi:26 unequivoc:21
unfold:22 unfortun:16 unleash:6 unlik:3 unlimit:24 unlock:9 unmut:1 unpack:6 unpredict:22
unusu:25 unveil:10 upgrad:23 uphold:8 upset:7 urg:3 utiliz:3 vaccinat:6 veer:6 ventur:13
verifi:7 vigil:23 vladimir:20 vocal:10 vow:12 wa:28 wait:4 waiv:18 walk:5 warrant:23 wast:27
watch:5 weaken:22 wear:4 weigh:1 weijia:4 welcom:5 will:2 wilmington:24 win:27 wipe:5
wisconsin:26 wish:9 wit:14 withhold:19 withstand:3 wonder:3 worri:7 wors:19 worth:8 wrap:2
wrapp:17 wrestl:6 write:10 wrongfulli:17 wrote:2 yield:11 zeke:4 zero:11
"""

VERB_LIKE: dict[str, int] = {
    k: int(v) for k, v in (item.rsplit(":", 1) for item in _VERB_DATA.split())
}
