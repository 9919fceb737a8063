# Writes the change cases (run in this folder: python3 generate.py). Every geometry is an
# axis-aligned rectangle in metres from (39440000, 4030000); the expected pieces are written by hand.
X0,Y0=39440000,4030000
def n(v):
    s=f"{v:.3f}".rstrip('0').rstrip('.')
    return s
def sq(x0,y0,x1,y1):
    p=[(x0,y0),(x1,y0),(x1,y1),(x0,y1),(x0,y0)]
    return "POLYGON((" + ", ".join(f"{n(X0+x)} {n(Y0+y)}" for x,y in p) + "))"
def area(x0,y0,x1,y1): return round((x1-x0)*(y1-y0),6)
ZL="3715020010010000000"
def patch(bsm,code,box): return '    - {BSM: %s, DLBM: "%s", ZLDWDM: "%s", wkt: "%s"}' % (bsm,code,ZL,sq(*box))
def feat(box,extra=""): return '    - {%swkt: "%s"}' % (extra,sq(*box))
def change(b,a,classes,box,suspect=(),extra="",credit=None,approved=False,suspect_flag=None,unevaluated=()):
    """One expected change: every class (in the rule file's order), the zones that make it
    疑似违法 (or suspect_flag=True for a zone-less flag), the 进出平衡 credit, 已批."""
    if isinstance(classes,str): classes=[classes]
    sus = "true" if suspect_flag else "[%s]" % ", ".join(suspect)
    more = ""
    if credit: more += ", credit: %s" % credit
    if approved: more += ", approved: true"
    if unevaluated: more += ", unevaluated: [%s]" % ", ".join(unevaluated)
    return '    - {before: %s, after: %s, classes: [%s], suspect: %s, wkt: "%s", planar_m2: %s%s%s}' % (
        b,a,", ".join(classes),sus,sq(*box),n(area(*box)),more,extra)
WHOLE=(0,0,200,200)
# Every zone layer the shipped change rules test (data/rules/change_liaocheng.yaml) is written,
# empty unless the case gives features, so that every rule is evaluated; complete_plan=False
# leaves out the layers a case does not give (a plan that cannot answer every rule).
ZONE_LAYERS=["STBHHX","YJJBNT","ZRBHD","CZKFBJ"]
def case(name,desc,before,after=None,plan=None,expect=(),slivers=0,footprints=None,options=None,complete_plan=True,
         unevaluated=(),credit_m2=None):
    out=["# Coordinates: EPSG:4527, x = 39440000 + dx, y = 4030000 + dy (≈116.33°E, 36.4°N).",
         "# Written by generate.py: rectangles, every expected piece derived by hand in the script.",
         "description: >","  "+desc,""]
    if options: out+=["options: "+options]
    out+=["before:"]+before
    if after: out+=["after:"]+after
    if footprints: out+=["footprints:"]+footprints
    plan=dict(plan or {})
    if complete_plan:
        for z in ZONE_LAYERS: plan.setdefault(z,[])
    if plan:
        out+=["plan:"]
        for k,v in plan.items(): out+=["  %s:%s"%(k,"" if v else " []")]+v
    out+=["expect:"]
    out+=["  changes:" + ("" if expect else " []")]+list(expect)
    if slivers: out+=["  slivers: %d"%slivers]
    if unevaluated: out+=["  unevaluated: [%s]" % ", ".join(unevaluated)]
    if credit_m2: out+=["  credit_m2: {%s}" % ", ".join("%s: %s"%(k,n(v)) for k,v in credit_m2.items())]
    open(name+".yaml","w").write("\n".join(out)+"\n")

NC=["非农化","新增建设用地"]   # 耕地 built on
CZ={"CZKFBJ":[feat(WHOLE)]}
A=(0,0,100,100); B=(100,0,200,100); C=(0,100,100,200); D=(100,100,200,200)
case("nonagri","耕地 0101 recoded as a whole to 0702 (城镇住宅用地) inside 城镇开发边界: 非农化 and 新增建设用地, not suspect; the forest neighbour is unchanged.",
  [patch("A","0101",A),patch("B","0301",B)],[patch("A","0702",A),patch("B","0301",B)],CZ,
  [change("A","A",NC,A,extra=', before_code: "0101", after_code: "0702", county: "371502", town: "371502001", rules: [CHG-FNH, CHG-XZJS]')])
case("out","进出平衡 out: 耕地 to 园地 0201, 林地 0301, 坑塘 1104 and 设施农用地 1202, outside 永久基本农田: 进出平衡_出, credited out.",
  [patch("A","0101",A),patch("B","0102",B),patch("C","0103",C),patch("D","0101",D)],
  [patch("A","0201",A),patch("B","0301",B),patch("C","1104",C),patch("D","1202",D)],CZ,
  [change("A","A","进出平衡_出",A,credit="out"),change("B","B","进出平衡_出",B,credit="out"),
   change("C","C","进出平衡_出",C,credit="out"),change("D","D","进出平衡_出",D,credit="out")],
  credit_m2={"out":40000})
case("in","进出平衡 in: 其他草地 0404 and 裸土地 1206 reclaimed to 耕地 0103; a 园地 → 0101 too; none in a red line or a wetland: credited in.",
  [patch("A","0404",A),patch("B","1206",B),patch("C","0201",C)],
  [patch("A","0103",A),patch("B","0103",B),patch("C","0101",C)],CZ,
  [change("A","A","进出平衡_进",A,credit="in"),change("B","B","进出平衡_进",B,credit="in"),change("C","C","进出平衡_进",C,credit="in")],
  credit_m2={"in":30000})
case("other","Other changes: 乔木林地 0301 → 其他林地 0307 (林地 to 林地), 水田 0101 → 水浇地 0102 (耕地 to 耕地), 耕地 → 河流水面 1101 (not 农用地); reported as 其他变化.",
  [patch("A","0301",A),patch("B","0101",B),patch("C","0102",C)],
  [patch("A","0307",A),patch("B","0102",B),patch("C","1101",C)],CZ,
  [change("A","A","其他变化",A,extra=", rules: [CHG-OTHER]"),change("B","B","其他变化",B),change("C","C","其他变化",C)])
def suspect_case(layer,desc,classes=NC):
    plan={"CZKFBJ":[feat(WHOLE)], layer:[feat((0,0,50,100))]}
    case("suspect_"+layer.lower(),desc,[patch("A","0101",A),patch("B","0101",B)],[patch("A","0702",A),patch("B","0101",B)],plan,
      [change("A","A",classes,A,suspect=(layer,),extra=', zones_m2: {%s: {wkt: "%s", planar_m2: 5000}}'%(layer,sq(0,0,50,100)))])
suspect_case("STBHHX","New construction half inside 生态保护红线: 非农化, 新增建设用地 and 违规开垦 (red line), 疑似违法 (STBHHX, 50 × 100 m inside); the unchanged patch next to the red line is not reported.",
  NC+["违规开垦"])
suspect_case("YJJBNT","New construction half inside 永久基本农田, no approved project: 非农化 and 疑似违法 (YJJBNT).")
suspect_case("ZRBHD","New construction half inside a 自然保护地 (no zone given: not the core zone): 非农化 and 疑似违法 (ZRBHD), not 违规开垦.")
case("outside_czkfbj","New construction on 其他草地 reaching outside 城镇开发边界 (which covers x ≤ 60): 新增建设用地, 疑似违法 CZKFBJ for the 40 × 100 m outside; construction recoded to construction (0702 → 0701) is no new construction and is not tested.",
  [patch("A","0404",A),patch("B","0702",B)],[patch("A","0601",A),patch("B","0701",B)],{"CZKFBJ":[feat((0,0,60,200))]},
  [change("A","A","新增建设用地",A,suspect=("CZKFBJ",),extra=', zones_m2: {CZKFBJ: {wkt: "%s", planar_m2: 4000}}'%sq(60,0,100,100)),
   change("B","B","其他变化",B)])
Ap=(0,0,99.995,100); Bp=(99.995,0,200,100)
case("sliver_below_min_area","The shared edge of a 耕地 and a 建设 patch moved by 5 mm between vintages (re-digitised): the 0.5 m² piece of A under B is a sliver below the 1 m² default and is dropped and counted; with no code change the rest is not reported.",
  [patch("A","0101",A),patch("B","0702",B)],[patch("A","0101",Ap),patch("B","0702",Bp)],CZ,[],slivers=1)
case("sliver_kept_with_min_area_0","The same moved edge with --min-area 0: the 0.5 m² piece is reported as 非农化.",
  [patch("A","0101",A),patch("B","0702",B)],[patch("A","0101",Ap),patch("B","0702",Bp)],CZ,
  [change("A","B",NC,(99.995,0,100,100))],options="{min_area_m2: 0}")
case("partial","Part of a patch built on: A splits into A (0101, x ≤ 60, keeps its BSM) and a new patch A2 (0702, x ≥ 60): one 非农化 change of 40 × 100 m.",
  [patch("A","0101",A),patch("B","0301",B)],[patch("A","0101",(0,0,60,100)),patch("A2","0702",(60,0,100,100)),patch("B","0301",B)],CZ,
  [change("A","A2",NC,(60,0,100,100))])
case("footprint","Footprint mode: building F1 spans 耕地 A and 建设用地 B; the 20 × 20 m on A is 非农化 and its 10 × 20 m outside 城镇开发边界 (x ≤ 90) is 疑似违法; the part on B was construction already. F2 on forest is 新增建设用地 and 林地减少 inside the boundary.",
  [patch("A","0101",A),patch("B","0702",B),patch("C","0301",C)],None,{"CZKFBJ":[feat((0,0,90,200))]},
  [change("A","F1",NC,(80,10,100,30),suspect=("CZKFBJ",),extra=', after_code: "建筑", zones_m2: {CZKFBJ: {wkt: "%s", planar_m2: 200}}'%sq(90,10,100,30)),
   change("C","F2",["新增建设用地","林地减少"],(10,110,30,130))],
  footprints=['    - {BSM: F1, wkt: "%s"}'%sq(80,10,120,30),'    - {BSM: F2, wkt: "%s"}'%sq(10,110,30,130)])
def bare(bsm,code,box): return '    - {BSM: %s, DLBM: "%s", wkt: "%s"}' % (bsm,code,sq(*box))
case("county_town_by_overlay","Patches without ZLDWDM: county and town are those of XZQ and XZQ_XIANG the piece lies in (A in town 371502002 of county 371502; B in town 371521101 of county 371521).",
  [bare("A","0101",A),bare("B","0101",B)],[bare("A","0201",A),bare("B","0702",B)],
  {"CZKFBJ":[feat(WHOLE)],
   "XZQ":[feat((0,0,100,200),'XZQDM: "371502", '),feat((100,0,200,200),'XZQDM: "371521", ')],
   "XZQ_XIANG":[feat((0,0,100,200),'XZQDM: "371502002", '),feat((100,0,200,200),'XZQDM: "371521101", ')]},
  [change("A","A","进出平衡_出",A,credit="out",extra=', county: "371502", town: "371502002"'),
   change("B","B",NC,B,extra=', county: "371521", town: "371521101"')])

# Issue #14: the classes and flags that follow the land rules.
case("wetland_reclaim","违规开垦 of wetland, wherever it lies: 内陆滩涂 1106 and 沼泽草地 0402 turned to 耕地 are 违规开垦 and 进出平衡_进 but no credit (疑似违法, no zone); 河流水面 1101 is not wetland: ordinary 进出平衡_进; 沼泽地 1108 built on is 违规开垦 and 新增建设用地.",
  [patch("A","1106",A),patch("B","0402",B),patch("C","1101",C),patch("D","1108",D)],
  [patch("A","0103",A),patch("B","0101",B),patch("C","0103",C),patch("D","0702",D)],CZ,
  [change("A","A",["进出平衡_进","违规开垦"],A,suspect_flag=True,extra=", rules: [CHG-JCPH-IN, CHG-WGKK-WETLAND]"),
   change("B","B",["进出平衡_进","违规开垦"],B,suspect_flag=True),
   change("C","C","进出平衡_进",C,credit="in"),
   change("D","D",["新增建设用地","违规开垦"],D,suspect_flag=True)],
  credit_m2={"in":10000})
case("stbhhx_reclaim","Reclamation inside 生态保护红线: 其他草地 A (wholly inside the red line) to 耕地 is 违规开垦, no credit; B the same outside the red line is credited 进出平衡_进; C is 60 % inside: the whole piece is 违规开垦 and no credit (a piece carries its classes whole: its zone area says how much lies inside).",
  [patch("A","0404",A),patch("B","0404",B),patch("C","0404",C)],
  [patch("A","0103",A),patch("B","0103",B),patch("C","0103",C)],
  {"CZKFBJ":[feat(WHOLE)],"STBHHX":[feat((0,0,100,100)),feat((0,100,60,200))]},
  [change("A","A",["进出平衡_进","违规开垦"],A,suspect=("STBHHX",),extra=', rules: [CHG-JCPH-IN, CHG-WGKK-STBHHX-GD], zones_m2: {STBHHX: {wkt: "%s", planar_m2: 10000}}'%sq(*A)),
   change("B","B","进出平衡_进",B,credit="in"),
   change("C","C",["进出平衡_进","违规开垦"],C,suspect=("STBHHX",),extra=', zones_m2: {STBHHX: {wkt: "%s", planar_m2: 6000}}'%sq(0,100,60,200))],
  credit_m2={"in":10000})
case("zrbhd_core","自然保护地: in the core zone (GNFQ 核心保护区) 其他草地 to 耕地 is 违规开垦 (ZRBHD_CORE) and construction is 违规开垦 too; in the general zone (一般控制区) construction is 疑似违法 ZRBHD only, and 耕地 there is ordinary 进出平衡_进.",
  [patch("A","0404",A),patch("B","0404",B),patch("C","0404",C),patch("D","0404",D)],
  [patch("A","0103",A),patch("B","0601",B),patch("C","0601",C),patch("D","0103",D)],
  {"CZKFBJ":[feat(WHOLE)],"ZRBHD":[feat((0,0,200,100),"GNFQ: 核心保护区, "),feat((0,100,200,200),"GNFQ: 一般控制区, ")]},
  [change("A","A",["进出平衡_进","违规开垦"],A,suspect=("ZRBHD_CORE",),extra=", rules: [CHG-JCPH-IN, CHG-WGKK-ZRBHD-GD]"),
   change("B","B",["新增建设用地","违规开垦"],B,suspect=("ZRBHD","ZRBHD_CORE"),extra=", rules: [CHG-XZJS, CHG-WGKK-ZRBHD-JS, SUS-XZJS-ZRBHD]"),
   change("C","C","新增建设用地",C,suspect=("ZRBHD",)),
   change("D","D","进出平衡_进",D,credit="in")])
YJ={"CZKFBJ":[feat(WHOLE)],"YJJBNT":[feat((0,0,200,100)),feat((0,100,100,200))]}
case("yjjbnt_nonfood","永久基本农田非粮化: 耕地 inside 永久基本农田 turned to 园地 0201, 乔木林地 0301 and 养殖坑塘 1104A is 非粮化 and 进出平衡_出 with no credit (疑似违法 YJJBNT); D, the same change outside 永久基本农田, is ordinary 进出平衡_出, credited.",
  [patch("A","0101",A),patch("B","0102",B),patch("C","0103",C),patch("D","0101",D)],
  [patch("A","0201",A),patch("B","0301",B),patch("C","1104A",C),patch("D","0201",D)],YJ,
  [change("A","A",["进出平衡_出","永久基本农田非粮化"],A,suspect=("YJJBNT",),extra=", rules: [CHG-JCPH-OUT, CHG-YJJBNT-FLH]"),
   change("B","B",["进出平衡_出","永久基本农田非粮化"],B,suspect=("YJJBNT",)),
   change("C","C",["进出平衡_出","永久基本农田非粮化"],C,suspect=("YJJBNT",)),
   change("D","D","进出平衡_出",D,credit="out")],
  credit_m2={"out":10000})
case("yjjbnt_facility","设施农用地 1202 on 永久基本农田 is 非粮化 (严禁新增占用永久基本农田建设…设施); 0101 → 0102 inside it is 耕地 to 耕地: 其他变化.",
  [patch("A","0101",A),patch("B","0101",B)],[patch("A","1202",A),patch("B","0102",B)],YJ,
  [change("A","A",["进出平衡_出","永久基本农田非粮化"],A,suspect=("YJJBNT",)),change("B","B","其他变化",B)])
case("forest_loss","林地减少: 乔木林地 0301 to 耕地 (also 进出平衡_进, credited), 竹林地 0302 built on (also 新增建设用地), 灌木林地 0305 to 其他草地 0404; 0301 → 0307 stays 林地 and is 其他变化.",
  [patch("A","0301",A),patch("B","0302",B),patch("C","0305",C),patch("D","0301",D)],
  [patch("A","0101",A),patch("B","0702",B),patch("C","0404",C),patch("D","0307",D)],CZ,
  [change("A","A",["进出平衡_进","林地减少"],A,credit="in",extra=", rules: [CHG-JCPH-IN, CHG-LDJS]"),
   change("B","B",["新增建设用地","林地减少"],B),
   change("C","C","林地减少",C),
   change("D","D","其他变化",D)])
case("new_construction","新增建设用地 on land that was not 耕地: 其他草地 0404 to 工业用地 0601, 裸土地 1206 to 公路用地 1003, 园地 0201 to 农村宅基地 0702, inside 城镇开发边界: not suspect; 0601 → 0602 (construction to construction) is 其他变化.",
  [patch("A","0404",A),patch("B","1206",B),patch("C","0201",C),patch("D","0601",D)],
  [patch("A","0601",A),patch("B","1003",B),patch("C","0702",C),patch("D","0602",D)],CZ,
  [change("A","A","新增建设用地",A),change("B","B","新增建设用地",B),change("C","C","新增建设用地",C),change("D","D","其他变化",D)])
XM=lambda box,pzwh: feat(box,('PZWH: "%s", ' % pzwh) if pzwh else "")
case("approved","Approvals: the plan's XMYD with 批准文号 (PZWH). A, 耕地 in 永久基本农田 outside 城镇开发边界 built on wholly inside an approved project: 已批, not suspect; B the same inside a project without PZWH: 疑似违法 YJJBNT and CZKFBJ; C only half inside the approved project: 疑似违法; D inside the red line and an approved project: 疑似违法 STBHHX (an approval does not clear the red line) and 违规开垦.",
  [patch("A","0101",A),patch("B","0101",B),patch("C","0101",C),patch("D","0101",D)],
  [patch("A","0702",A),patch("B","0702",B),patch("C","0702",C),patch("D","0702",D)],
  {"CZKFBJ":[feat((300,300,400,400))],"YJJBNT":[feat((0,0,200,200))],"STBHHX":[feat(D)],
   "XMYD":[XM((-10,-10,100,100),"鲁政土字〔2023〕101号"),XM(B,""),XM((0,150,100,200),"鲁政土字〔2023〕102号"),XM(D,"鲁政土字〔2023〕103号")]},
  [change("A","A",NC,A,approved=True,extra=", rules: [CHG-FNH, CHG-XZJS, SUS-XZJS-YJJBNT, SUS-XZJS-CZKFBJ]"),
   change("B","B",NC,B,suspect=("YJJBNT","CZKFBJ")),
   change("C","C",NC,C,suspect=("YJJBNT","CZKFBJ")),
   change("D","D",NC+["违规开垦"],D,suspect=("STBHHX",),approved=True)])
case("approvals_layer","Approvals from a layer of their own (--approvals, --approvals-layer PFWJ): every feature of a layer without PZWH counts; A inside one outside 城镇开发边界 is 已批, B outside it is 疑似违法 CZKFBJ.",
  [patch("A","0404",A),patch("B","0404",B)],[patch("A","0601",A),patch("B","0601",B)],
  {"CZKFBJ":[feat((300,300,400,400))],"PFWJ":[feat(A)]},
  [change("A","A","新增建设用地",A,approved=True),change("B","B","新增建设用地",B,suspect=("CZKFBJ",))],
  options="{approvals_layer: PFWJ}")
case("incomplete_plan","A plan without 生态保护红线 and 自然保护地: the reclamation of 其他草地 cannot be told from 违规开垦 in a red line, so its rules are listed as not evaluated (未完整审查) and the piece is no credit until they are; 耕地 to 耕地 needs no zone and is complete.",
  [patch("A","0404",A),patch("B","0101",B)],[patch("A","0103",A),patch("B","0102",B)],{"CZKFBJ":[feat(WHOLE)],"YJJBNT":[]},
  [change("A","A","进出平衡_进",A,unevaluated=("CHG-WGKK-STBHHX-GD","CHG-WGKK-ZRBHD-GD")),
   change("B","B","其他变化",B)],
  complete_plan=False,unevaluated=("CHG-WGKK-STBHHX-GD","CHG-WGKK-ZRBHD-GD"))
