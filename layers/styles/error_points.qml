<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.16-Białowieża" styleCategories="Symbology|Labeling" labelsEnabled="0">
<renderer-v2 type="singleSymbol" symbollevels="0" forceraster="0" enableorderby="0" referencescale="-1">
<symbols>
<symbol type="marker" name="0" alpha="1" clip_to_extent="1" force_rhr="0">
<data_defined_properties><Option type="Map"><Option name="name" value="" type="QString"/><Option name="properties"/><Option name="type" value="collection" type="QString"/></Option></data_defined_properties>
<layer class="SimpleMarker" enabled="1" locked="0" pass="0">
<Option type="Map">
<Option name="angle" value="0" type="QString"/>
<Option name="color" value="255,0,255,255" type="QString"/>
<Option name="joinstyle" value="bevel" type="QString"/>
<Option name="name" value="cross2" type="QString"/>
<Option name="offset" value="0,0" type="QString"/>
<Option name="offset_unit" value="MM" type="QString"/>
<Option name="outline_color" value="255,0,255,255" type="QString"/>
<Option name="outline_style" value="solid" type="QString"/>
<Option name="outline_width" value="0.6" type="QString"/>
<Option name="outline_width_unit" value="MM" type="QString"/>
<Option name="scale_method" value="diameter" type="QString"/>
<Option name="size" value="4" type="QString"/>
<Option name="size_unit" value="MM" type="QString"/>
<Option name="vertical_anchor_point" value="1" type="QString"/>
</Option>
<prop k="angle" v="0"/>
<prop k="color" v="255,0,255,255"/>
<prop k="joinstyle" v="bevel"/>
<prop k="name" v="cross2"/>
<prop k="offset" v="0,0"/>
<prop k="offset_unit" v="MM"/>
<prop k="outline_color" v="255,0,255,255"/>
<prop k="outline_style" v="solid"/>
<prop k="outline_width" v="0.6"/>
<prop k="outline_width_unit" v="MM"/>
<prop k="scale_method" v="diameter"/>
<prop k="size" v="4"/>
<prop k="size_unit" v="MM"/>
<prop k="vertical_anchor_point" v="1"/>
<data_defined_properties><Option type="Map"><Option name="name" value="" type="QString"/><Option name="properties"/><Option name="type" value="collection" type="QString"/></Option></data_defined_properties>
</layer>
</symbol>
</symbols>
<rotation/>
<sizescale/>
</renderer-v2>
<blendMode>0</blendMode>
<featureBlendMode>0</featureBlendMode>
<layerGeometryType>0</layerGeometryType>
</qgis>
