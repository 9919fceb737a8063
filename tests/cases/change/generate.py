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
def change(b,a,cls,box,suspect=(),extra=""):
    return '    - {before: %s, after: %s, class: %s, suspect: [%s], wkt: "%s", planar_m2: %s%s}' % (b,a,cls,", ".join(suspect),sq(*box),n(area(*box)),extra)
WHOLE=(0,0,200,200)
def case(name,desc,before,after=None,plan=None,expect=(),slivers=0,footprints=None,options=None):
    out=["# Coordinates: EPSG:4527, x = 39440000 + dx, y = 4030000 + dy (≈116.33°E, 36.4°N).",
         "# Written by generate.py: rectangles, every expected piece derived by hand in the script.",
         "description: >","  "+desc,""]
    if options: out+=["options: "+options]
    out+=["before:"]+before
    if after: out+=["after:"]+after
    if footprints: out+=["footprints:"]+footprints
    if plan:
        out+=["plan:"]
        for k,v in plan.items(): out+=["  %s:"%k]+v
    out+=["expect:"]
    out+=["  changes:" + ("" if expect else " []")]+list(expect)
    if slivers: out+=["  slivers: %d"%slivers]
    open(name+".yaml","w").write("\n".join(out)+"\n")

CZ={"CZKFBJ":[feat(WHOLE)]}
A=(0,0,100,100); B=(100,0,200,100); C=(0,100,100,200); D=(100,100,200,200)
case("nonagri","耕地 0101 recoded as a whole to 0702 (城镇住宅用地) inside 城镇开发边界: 非农化, not suspect; the forest neighbour is unchanged.",
  [patch("A","0101",A),patch("B","0301",B)],[patch("A","0702",A),patch("B","0301",B)],CZ,
  [change("A","A","非农化",A,extra=', before_code: "0101", after_code: "0702", county: "371502", town: "371502001"')])
case("out","进出平衡 out: 耕地 to 园地 0201, 林地 0301, 坑塘 1104 and 设施农用地 1202.",
  [patch("A","0101",A),patch("B","0102",B),patch("C","0103",C),patch("D","0101",D)],
  [patch("A","0201",A),patch("B","0301",B),patch("C","1104",C),patch("D","1202",D)],CZ,
  [change("A","A","进出平衡_出",A),change("B","B","进出平衡_出",B),change("C","C","进出平衡_出",C),change("D","D","进出平衡_出",D)])
case("in","进出平衡 in: 其他草地 0404 and 裸土地 1206 reclaimed to 耕地 0103; a 园地 → 0101 too.",
  [patch("A","0404",A),patch("B","1206",B),patch("C","0201",C)],
  [patch("A","0103",A),patch("B","0103",B),patch("C","0101",C)],CZ,
  [change("A","A","进出平衡_进",A),change("B","B","进出平衡_进",B),change("C","C","进出平衡_进",C)])
case("other","Other changes: 乔木林地 0301 → 其他林地 0307, 水田 0101 → 水浇地 0102 (耕地 to 耕地), 耕地 → 河流水面 1101 (not 农用地); reported as 其他变化.",
  [patch("A","0301",A),patch("B","0101",B),patch("C","0102",C)],
  [patch("A","0307",A),patch("B","0102",B),patch("C","1101",C)],CZ,
  [change("A","A","其他变化",A),change("B","B","其他变化",B),change("C","C","其他变化",C)])
def suspect_case(layer,desc):
    plan={"CZKFBJ":[feat(WHOLE)], layer:[feat((0,0,50,100))]}
    case("suspect_"+layer.lower(),desc,[patch("A","0101",A),patch("B","0101",B)],[patch("A","0702",A),patch("B","0101",B)],plan,
      [change("A","A","非农化",A,suspect=(layer,),extra=', suspect_m2: {%s: {wkt: "%s", planar_m2: 5000}}'%(layer,sq(0,0,50,100)))])
suspect_case("STBHHX","New construction half inside 生态保护红线: 非农化 and 疑似违法 (STBHHX, 50 × 100 m inside); the unchanged patch next to the red line is not reported.")
suspect_case("YJJBNT","New construction half inside 永久基本农田: 非农化 and 疑似违法 (YJJBNT).")
suspect_case("ZRBHD","New construction half inside a 自然保护地: 非农化 and 疑似违法 (ZRBHD).")
case("outside_czkfbj","New construction on 其他草地 (其他变化) reaching outside 城镇开发边界 (which covers x ≤ 60): 疑似违法 CZKFBJ for the 40 × 100 m outside; construction recoded to construction (0702 → 0701) is no new construction and is not tested.",
  [patch("A","0404",A),patch("B","0702",B)],[patch("A","0601",A),patch("B","0701",B)],{"CZKFBJ":[feat((0,0,60,200))]},
  [change("A","A","其他变化",A,suspect=("CZKFBJ",),extra=', suspect_m2: {CZKFBJ: {wkt: "%s", planar_m2: 4000}}'%sq(60,0,100,100)),
   change("B","B","其他变化",B)])
Ap=(0,0,99.995,100); Bp=(99.995,0,200,100)
case("sliver_below_min_area","The shared edge of a 耕地 and a 建设 patch moved by 5 mm between vintages (re-digitised): the 0.5 m² piece of A under B is a sliver below the 1 m² default and is dropped and counted; with no code change the rest is not reported.",
  [patch("A","0101",A),patch("B","0702",B)],[patch("A","0101",Ap),patch("B","0702",Bp)],CZ,[],slivers=1)
case("sliver_kept_with_min_area_0","The same moved edge with --min-area 0: the 0.5 m² piece is reported as 非农化.",
  [patch("A","0101",A),patch("B","0702",B)],[patch("A","0101",Ap),patch("B","0702",Bp)],CZ,
  [change("A","B","非农化",(99.995,0,100,100))],options="{min_area_m2: 0}")
case("partial","Part of a patch built on: A splits into A (0101, x ≤ 60, keeps its BSM) and a new patch A2 (0702, x ≥ 60): one 非农化 change of 40 × 100 m.",
  [patch("A","0101",A),patch("B","0301",B)],[patch("A","0101",(0,0,60,100)),patch("A2","0702",(60,0,100,100)),patch("B","0301",B)],CZ,
  [change("A","A2","非农化",(60,0,100,100))])
case("footprint","Footprint mode: building F1 spans 耕地 A and 建设用地 B; the 20 × 20 m on A is 非农化 and its 10 × 20 m outside 城镇开发边界 (x ≤ 90) is 疑似违法; the part on B was construction already. F2 on forest is 其他变化 inside the boundary.",
  [patch("A","0101",A),patch("B","0702",B),patch("C","0301",C)],None,{"CZKFBJ":[feat((0,0,90,200))]},
  [change("A","F1","非农化",(80,10,100,30),suspect=("CZKFBJ",),extra=', after_code: "建筑", suspect_m2: {CZKFBJ: {wkt: "%s", planar_m2: 200}}'%sq(90,10,100,30)),
   change("C","F2","其他变化",(10,110,30,130))],
  footprints=['    - {BSM: F1, wkt: "%s"}'%sq(80,10,120,30),'    - {BSM: F2, wkt: "%s"}'%sq(10,110,30,130)])
def bare(bsm,code,box): return '    - {BSM: %s, DLBM: "%s", wkt: "%s"}' % (bsm,code,sq(*box))
case("county_town_by_overlay","Patches without ZLDWDM: county and town are those of XZQ and XZQ_XIANG the piece lies in (A in town 371502002 of county 371502; B in town 371521101 of county 371521).",
  [bare("A","0101",A),bare("B","0101",B)],[bare("A","0201",A),bare("B","0702",B)],
  {"CZKFBJ":[feat(WHOLE)],
   "XZQ":[feat((0,0,100,200),'XZQDM: "371502", '),feat((100,0,200,200),'XZQDM: "371521", ')],
   "XZQ_XIANG":[feat((0,0,100,200),'XZQDM: "371502002", '),feat((100,0,200,200),'XZQDM: "371521101", ')]},
  [change("A","A","进出平衡_出",A,extra=', county: "371502", town: "371502002"'),
   change("B","B","非农化",B,extra=', county: "371521", town: "371521101"')])
