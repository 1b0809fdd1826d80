// Generated from spec.schema.json by `npm run schema:types`. Do not edit: change the schema and regenerate.
// @ts-nocheck
import runtime0 from "ajv/dist/runtime/ucs2length.js";
import runtime1 from "ajv/dist/runtime/equal.js";
export const CollectionDefinition = validate11;
const schema12 = {"title":"CollectionDefinition","description":"<collection>/.resources/definition.yaml: the collection's name, description, variables, auth and scripts.","type":"object","additionalProperties":false,"required":["$kind","name"],"properties":{"$kind":{"const":"mvpm-collection"},"name":{"$ref":"#/definitions/NonEmptyString","description":"Postman info.name."},"description":{"type":"string","description":"Markdown, shown in Postman's documentation pane."},"targets":{"$ref":"#/definitions/TargetList"},"role":{"type":"string","enum":["sign-in"],"description":"`sign-in`: this collection signs in to a stand-in target the way a person does and leaves the authorization code in `code`. `mvpm run` runs it first when a run against a stand-in has no refresh token at hand; it may apply only to stand-in targets. Default: none (an ordinary collection)."},"variables":{"$ref":"#/definitions/VariableMap","description":"Collection variables (Postman `variable`)."},"runtimeVariables":{"type":"object","description":"Variables that are supplied when the collection runs (typed in by a person or set by another run), name → what supplies it. They count as defined for the variable checks.","additionalProperties":{"type":"string"}},"auth":{"$ref":"#/definitions/CollectionAuth"},"scripts":{"$ref":"#/definitions/Scripts"},"autoRefresh":{"$ref":"#/definitions/AutoRefresh"},"openapi":{"$ref":"#/definitions/OpenApiSource"}}};
const schema13 = {"type":"string","minLength":1};
const schema24 = {"type":"array","description":"Raw Postman scripts, the escape hatch. beforeRequest → prerequest, afterResponse → test. In a request they run after the scripts generated from expect and capture; Postman runs collection scripts, then folder scripts, then the request's.","items":{"type":"object","additionalProperties":false,"required":["type","code"],"properties":{"type":{"type":"string","enum":["beforeRequest","afterResponse"]},"code":{"type":"string"}}}};
const func2 = Object.prototype.hasOwnProperty;
const func3 = runtime0.default;
const schema14 = {"type":"array","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/TargetName"},"description":"The targets (environments' `target`) this runs on. Default: every target. A folder or request runs only on targets its collection and folders run on too. A POST, PUT or PATCH request (not `readOnly`, not a token request) runs on a target that is not a stand-in only when this list, the request's own or the nearest above it, names the target; a DELETE only when the request's own list names it; an inferred OpenAPI operation never."};
const schema15 = {"type":"string","pattern":"^[a-z][a-z0-9-]*$","description":"A target's name: lower-case letters, digits and dashes, starting with a letter."};
const pattern0 = new RegExp("^[a-z][a-z0-9-]*$", "u");
const func0 = runtime1.default;

function validate12(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length < 1){
const err0 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
let data0 = data[i0];
if(typeof data0 === "string"){
if(!pattern0.test(data0)){
const err1 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/TargetName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\"",schema:"^[a-z][a-z0-9-]*$",parentSchema:schema15,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
else {
const err2 = {instancePath:instancePath+"/" + i0,schemaPath:"#/definitions/TargetName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
let i1 = data.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data[i1], data[j0])){
const err3 = {instancePath,schemaPath:"#/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err4 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema14.type,parentSchema:schema14,data};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
validate12.errors = vErrors;
return errors === 0;
}

const schema16 = {"type":"object","additionalProperties":{"anyOf":[{"$ref":"#/definitions/Scalar"},{"type":"object","additionalProperties":false,"required":["value"],"properties":{"value":{"$ref":"#/definitions/Scalar"},"description":{"type":"string"}}}]}};
const schema17 = {"type":["string","number","boolean"]};

function validate14(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(((typeof data0 !== "string") && (!(typeof data0 == "number"))) && (typeof data0 !== "boolean")){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Scalar/type",keyword:"type",params:{type: schema17.type},message:"must be string,number,boolean",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.value === undefined){
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/required",keyword:"required",params:{missingProperty: "value"},message:"must have required property '"+"value"+"'",schema:schema16.additionalProperties.anyOf[1].required,parentSchema:schema16.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key1 in data0){
if(!((key1 === "value") || (key1 === "description"))){
const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema16.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.value !== undefined){
let data1 = data0.value;
if(((typeof data1 !== "string") && (!(typeof data1 == "number"))) && (typeof data1 !== "boolean")){
const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/value",schemaPath:"#/definitions/Scalar/type",keyword:"type",params:{type: schema17.type},message:"must be string,number,boolean",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.description !== undefined){
let data2 = data0.description;
if(typeof data2 !== "string"){
const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/description",schemaPath:"#/additionalProperties/anyOf/1/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema16.additionalProperties.anyOf[1].properties.description.type,parentSchema:schema16.additionalProperties.anyOf[1].properties.description,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.additionalProperties.anyOf[1].type,parentSchema:schema16.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err6 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema16.additionalProperties.anyOf,parentSchema:schema16.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema16.type,parentSchema:schema16,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate14.errors = vErrors;
return errors === 0;
}

const schema19 = {"title":"CollectionAuth","type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["oauth2","bearer","basic","noauth"]},"credentials":{"type":"object"}},"allOf":[{"$ref":"#/definitions/AuthCredentialsByType"}]};
const schema20 = {"allOf":[{"if":{"properties":{"type":{"const":"oauth2"}},"required":["type"]},"then":{"required":["credentials"],"properties":{"credentials":{"$ref":"#/definitions/OAuth2Credentials"}}}},{"if":{"properties":{"type":{"const":"bearer"}},"required":["type"]},"then":{"required":["credentials"],"properties":{"credentials":{"$ref":"#/definitions/BearerCredentials"}}}},{"if":{"properties":{"type":{"const":"basic"}},"required":["type"]},"then":{"required":["credentials"],"properties":{"credentials":{"$ref":"#/definitions/BasicCredentials"}}}},{"if":{"properties":{"type":{"enum":["inherit","noauth"]}},"required":["type"]},"then":{"not":{"required":["credentials"]}}}]};
const schema21 = {"title":"OAuth2Credentials","description":"The fields of Postman's OAuth 2.0 helper, named as Postman exports them (auth.oauth2[].key).","type":"object","additionalProperties":false,"required":["grant_type","accessToken"],"properties":{"grant_type":{"type":"string","enum":["authorization_code","authorization_code_with_pkce","client_credentials","password_credentials","implicit"]},"authUrl":{"type":"string"},"accessTokenUrl":{"type":"string"},"refreshTokenUrl":{"type":"string"},"clientId":{"type":"string"},"clientSecret":{"type":"string"},"scope":{"type":"string"},"state":{"type":"string"},"redirect_uri":{"type":"string"},"useBrowser":{"type":"boolean","description":"Authorize using the browser (Postman's callback page). Default false."},"client_authentication":{"type":"string","enum":["header","body"],"description":"Send client credentials as Basic auth header or in the body. Default header."},"addTokenTo":{"type":"string","enum":["header","queryParams"],"description":"Default header."},"tokenName":{"type":"string"},"headerPrefix":{"type":"string","description":"Default Bearer."},"accessToken":{"type":"string","description":"The token Postman and Newman send, normally {{access_token}}: Newman never fetches a token itself."},"tokenType":{"type":"string"},"challengeAlgorithm":{"type":"string","enum":["S256","plain"],"description":"PKCE only. Default S256."},"code_verifier":{"type":"string","description":"PKCE only."},"username":{"type":"string","description":"password_credentials only."},"password":{"type":"string","description":"password_credentials only."}}};
const schema22 = {"type":"object","additionalProperties":false,"required":["token"],"properties":{"token":{"type":"string"}}};
const schema23 = {"type":"object","additionalProperties":false,"required":["username","password"],"properties":{"username":{"type":"string"},"password":{"type":"string"}}};

function validate17(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid1 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("oauth2" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.credentials === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "credentials"},message:"must have required property '"+"credentials"+"'",schema:schema20.allOf[0].then.required,parentSchema:schema20.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.credentials !== undefined){
let data1 = data.credentials;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.grant_type === undefined){
const err3 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/OAuth2Credentials/required",keyword:"required",params:{missingProperty: "grant_type"},message:"must have required property '"+"grant_type"+"'",schema:schema21.required,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
if(data1.accessToken === undefined){
const err4 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/OAuth2Credentials/required",keyword:"required",params:{missingProperty: "accessToken"},message:"must have required property '"+"accessToken"+"'",schema:schema21.required,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
for(const key0 in data1){
if(!(func2.call(schema21.properties, key0))){
const err5 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/OAuth2Credentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data1.grant_type !== undefined){
let data2 = data1.grant_type;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/credentials/grant_type",schemaPath:"#/definitions/OAuth2Credentials/properties/grant_type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.grant_type.type,parentSchema:schema21.properties.grant_type,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(!(((((data2 === "authorization_code") || (data2 === "authorization_code_with_pkce")) || (data2 === "client_credentials")) || (data2 === "password_credentials")) || (data2 === "implicit"))){
const err7 = {instancePath:instancePath+"/credentials/grant_type",schemaPath:"#/definitions/OAuth2Credentials/properties/grant_type/enum",keyword:"enum",params:{allowedValues: schema21.properties.grant_type.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.grant_type.enum,parentSchema:schema21.properties.grant_type,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data1.authUrl !== undefined){
let data3 = data1.authUrl;
if(typeof data3 !== "string"){
const err8 = {instancePath:instancePath+"/credentials/authUrl",schemaPath:"#/definitions/OAuth2Credentials/properties/authUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.authUrl.type,parentSchema:schema21.properties.authUrl,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data1.accessTokenUrl !== undefined){
let data4 = data1.accessTokenUrl;
if(typeof data4 !== "string"){
const err9 = {instancePath:instancePath+"/credentials/accessTokenUrl",schemaPath:"#/definitions/OAuth2Credentials/properties/accessTokenUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.accessTokenUrl.type,parentSchema:schema21.properties.accessTokenUrl,data:data4};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data1.refreshTokenUrl !== undefined){
let data5 = data1.refreshTokenUrl;
if(typeof data5 !== "string"){
const err10 = {instancePath:instancePath+"/credentials/refreshTokenUrl",schemaPath:"#/definitions/OAuth2Credentials/properties/refreshTokenUrl/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.refreshTokenUrl.type,parentSchema:schema21.properties.refreshTokenUrl,data:data5};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data1.clientId !== undefined){
let data6 = data1.clientId;
if(typeof data6 !== "string"){
const err11 = {instancePath:instancePath+"/credentials/clientId",schemaPath:"#/definitions/OAuth2Credentials/properties/clientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.clientId.type,parentSchema:schema21.properties.clientId,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data1.clientSecret !== undefined){
let data7 = data1.clientSecret;
if(typeof data7 !== "string"){
const err12 = {instancePath:instancePath+"/credentials/clientSecret",schemaPath:"#/definitions/OAuth2Credentials/properties/clientSecret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.clientSecret.type,parentSchema:schema21.properties.clientSecret,data:data7};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data1.scope !== undefined){
let data8 = data1.scope;
if(typeof data8 !== "string"){
const err13 = {instancePath:instancePath+"/credentials/scope",schemaPath:"#/definitions/OAuth2Credentials/properties/scope/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.scope.type,parentSchema:schema21.properties.scope,data:data8};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data1.state !== undefined){
let data9 = data1.state;
if(typeof data9 !== "string"){
const err14 = {instancePath:instancePath+"/credentials/state",schemaPath:"#/definitions/OAuth2Credentials/properties/state/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.state.type,parentSchema:schema21.properties.state,data:data9};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data1.redirect_uri !== undefined){
let data10 = data1.redirect_uri;
if(typeof data10 !== "string"){
const err15 = {instancePath:instancePath+"/credentials/redirect_uri",schemaPath:"#/definitions/OAuth2Credentials/properties/redirect_uri/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.redirect_uri.type,parentSchema:schema21.properties.redirect_uri,data:data10};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data1.useBrowser !== undefined){
let data11 = data1.useBrowser;
if(typeof data11 !== "boolean"){
const err16 = {instancePath:instancePath+"/credentials/useBrowser",schemaPath:"#/definitions/OAuth2Credentials/properties/useBrowser/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema21.properties.useBrowser.type,parentSchema:schema21.properties.useBrowser,data:data11};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data1.client_authentication !== undefined){
let data12 = data1.client_authentication;
if(typeof data12 !== "string"){
const err17 = {instancePath:instancePath+"/credentials/client_authentication",schemaPath:"#/definitions/OAuth2Credentials/properties/client_authentication/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.client_authentication.type,parentSchema:schema21.properties.client_authentication,data:data12};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
if(!((data12 === "header") || (data12 === "body"))){
const err18 = {instancePath:instancePath+"/credentials/client_authentication",schemaPath:"#/definitions/OAuth2Credentials/properties/client_authentication/enum",keyword:"enum",params:{allowedValues: schema21.properties.client_authentication.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.client_authentication.enum,parentSchema:schema21.properties.client_authentication,data:data12};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data1.addTokenTo !== undefined){
let data13 = data1.addTokenTo;
if(typeof data13 !== "string"){
const err19 = {instancePath:instancePath+"/credentials/addTokenTo",schemaPath:"#/definitions/OAuth2Credentials/properties/addTokenTo/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.addTokenTo.type,parentSchema:schema21.properties.addTokenTo,data:data13};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((data13 === "header") || (data13 === "queryParams"))){
const err20 = {instancePath:instancePath+"/credentials/addTokenTo",schemaPath:"#/definitions/OAuth2Credentials/properties/addTokenTo/enum",keyword:"enum",params:{allowedValues: schema21.properties.addTokenTo.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.addTokenTo.enum,parentSchema:schema21.properties.addTokenTo,data:data13};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data1.tokenName !== undefined){
let data14 = data1.tokenName;
if(typeof data14 !== "string"){
const err21 = {instancePath:instancePath+"/credentials/tokenName",schemaPath:"#/definitions/OAuth2Credentials/properties/tokenName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.tokenName.type,parentSchema:schema21.properties.tokenName,data:data14};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data1.headerPrefix !== undefined){
let data15 = data1.headerPrefix;
if(typeof data15 !== "string"){
const err22 = {instancePath:instancePath+"/credentials/headerPrefix",schemaPath:"#/definitions/OAuth2Credentials/properties/headerPrefix/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.headerPrefix.type,parentSchema:schema21.properties.headerPrefix,data:data15};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data1.accessToken !== undefined){
let data16 = data1.accessToken;
if(typeof data16 !== "string"){
const err23 = {instancePath:instancePath+"/credentials/accessToken",schemaPath:"#/definitions/OAuth2Credentials/properties/accessToken/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.accessToken.type,parentSchema:schema21.properties.accessToken,data:data16};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data1.tokenType !== undefined){
let data17 = data1.tokenType;
if(typeof data17 !== "string"){
const err24 = {instancePath:instancePath+"/credentials/tokenType",schemaPath:"#/definitions/OAuth2Credentials/properties/tokenType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.tokenType.type,parentSchema:schema21.properties.tokenType,data:data17};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data1.challengeAlgorithm !== undefined){
let data18 = data1.challengeAlgorithm;
if(typeof data18 !== "string"){
const err25 = {instancePath:instancePath+"/credentials/challengeAlgorithm",schemaPath:"#/definitions/OAuth2Credentials/properties/challengeAlgorithm/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.challengeAlgorithm.type,parentSchema:schema21.properties.challengeAlgorithm,data:data18};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!((data18 === "S256") || (data18 === "plain"))){
const err26 = {instancePath:instancePath+"/credentials/challengeAlgorithm",schemaPath:"#/definitions/OAuth2Credentials/properties/challengeAlgorithm/enum",keyword:"enum",params:{allowedValues: schema21.properties.challengeAlgorithm.enum},message:"must be equal to one of the allowed values",schema:schema21.properties.challengeAlgorithm.enum,parentSchema:schema21.properties.challengeAlgorithm,data:data18};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data1.code_verifier !== undefined){
let data19 = data1.code_verifier;
if(typeof data19 !== "string"){
const err27 = {instancePath:instancePath+"/credentials/code_verifier",schemaPath:"#/definitions/OAuth2Credentials/properties/code_verifier/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.code_verifier.type,parentSchema:schema21.properties.code_verifier,data:data19};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data1.username !== undefined){
let data20 = data1.username;
if(typeof data20 !== "string"){
const err28 = {instancePath:instancePath+"/credentials/username",schemaPath:"#/definitions/OAuth2Credentials/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.username.type,parentSchema:schema21.properties.username,data:data20};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data1.password !== undefined){
let data21 = data1.password;
if(typeof data21 !== "string"){
const err29 = {instancePath:instancePath+"/credentials/password",schemaPath:"#/definitions/OAuth2Credentials/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema21.properties.password.type,parentSchema:schema21.properties.password,data:data21};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
}
else {
const err30 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/OAuth2Credentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema21.type,parentSchema:schema21,data:data1};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
}
var _valid0 = _errs4 === errors;
valid1 = _valid0;
}
if(!valid1){
const err31 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema20.allOf[0].if,parentSchema:schema20.allOf[0],data};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
const _errs50 = errors;
let valid6 = true;
const _errs51 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err32 = {};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
else {
if(data.type !== undefined){
if("bearer" !== data.type){
const err33 = {};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
}
var _valid1 = _errs51 === errors;
errors = _errs50;
if(vErrors !== null){
if(_errs50){
vErrors.length = _errs50;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs53 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.credentials === undefined){
const err34 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "credentials"},message:"must have required property '"+"credentials"+"'",schema:schema20.allOf[1].then.required,parentSchema:schema20.allOf[1].then,data};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(data.credentials !== undefined){
let data23 = data.credentials;
if(data23 && typeof data23 == "object" && !Array.isArray(data23)){
if(data23.token === undefined){
const err35 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/required",keyword:"required",params:{missingProperty: "token"},message:"must have required property '"+"token"+"'",schema:schema22.required,parentSchema:schema22,data:data23};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
for(const key1 in data23){
if(!(key1 === "token")){
const err36 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data:data23};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
}
if(data23.token !== undefined){
let data24 = data23.token;
if(typeof data24 !== "string"){
const err37 = {instancePath:instancePath+"/credentials/token",schemaPath:"#/definitions/BearerCredentials/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.token.type,parentSchema:schema22.properties.token,data:data24};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
}
}
else {
const err38 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data:data23};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
}
var _valid1 = _errs53 === errors;
valid6 = _valid1;
}
if(!valid6){
const err39 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema20.allOf[1].if,parentSchema:schema20.allOf[1],data};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
const _errs61 = errors;
let valid11 = true;
const _errs62 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err40 = {};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
else {
if(data.type !== undefined){
if("basic" !== data.type){
const err41 = {};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
}
var _valid2 = _errs62 === errors;
errors = _errs61;
if(vErrors !== null){
if(_errs61){
vErrors.length = _errs61;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs64 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.credentials === undefined){
const err42 = {instancePath,schemaPath:"#/allOf/2/then/required",keyword:"required",params:{missingProperty: "credentials"},message:"must have required property '"+"credentials"+"'",schema:schema20.allOf[2].then.required,parentSchema:schema20.allOf[2].then,data};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
if(data.credentials !== undefined){
let data26 = data.credentials;
if(data26 && typeof data26 == "object" && !Array.isArray(data26)){
if(data26.username === undefined){
const err43 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema23.required,parentSchema:schema23,data:data26};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
if(data26.password === undefined){
const err44 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema23.required,parentSchema:schema23,data:data26};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
for(const key2 in data26){
if(!((key2 === "username") || (key2 === "password"))){
const err45 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data26};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data26.username !== undefined){
let data27 = data26.username;
if(typeof data27 !== "string"){
const err46 = {instancePath:instancePath+"/credentials/username",schemaPath:"#/definitions/BasicCredentials/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.username.type,parentSchema:schema23.properties.username,data:data27};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data26.password !== undefined){
let data28 = data26.password;
if(typeof data28 !== "string"){
const err47 = {instancePath:instancePath+"/credentials/password",schemaPath:"#/definitions/BasicCredentials/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.password.type,parentSchema:schema23.properties.password,data:data28};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
}
else {
const err48 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data26};
if(vErrors === null){
vErrors = [err48];
}
else {
vErrors.push(err48);
}
errors++;
}
}
}
var _valid2 = _errs64 === errors;
valid11 = _valid2;
}
if(!valid11){
const err49 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema20.allOf[2].if,parentSchema:schema20.allOf[2],data};
if(vErrors === null){
vErrors = [err49];
}
else {
vErrors.push(err49);
}
errors++;
}
const _errs74 = errors;
let valid16 = true;
const _errs75 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.type === undefined) && (missing3 = "type")){
const err50 = {};
if(vErrors === null){
vErrors = [err50];
}
else {
vErrors.push(err50);
}
errors++;
}
else {
if(data.type !== undefined){
let data29 = data.type;
if(!((data29 === "inherit") || (data29 === "noauth"))){
const err51 = {};
if(vErrors === null){
vErrors = [err51];
}
else {
vErrors.push(err51);
}
errors++;
}
}
}
}
var _valid3 = _errs75 === errors;
errors = _errs74;
if(vErrors !== null){
if(_errs74){
vErrors.length = _errs74;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs77 = errors;
const _errs78 = errors;
const _errs79 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.credentials === undefined) && (missing4 = "credentials")){
const err52 = {};
if(vErrors === null){
vErrors = [err52];
}
else {
vErrors.push(err52);
}
errors++;
}
}
var valid18 = _errs79 === errors;
if(valid18){
const err53 = {instancePath,schemaPath:"#/allOf/3/then/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema20.allOf[3].then.not,parentSchema:schema20.allOf[3].then,data};
if(vErrors === null){
vErrors = [err53];
}
else {
vErrors.push(err53);
}
errors++;
}
else {
errors = _errs78;
if(vErrors !== null){
if(_errs78){
vErrors.length = _errs78;
}
else {
vErrors = null;
}
}
}
var _valid3 = _errs77 === errors;
valid16 = _valid3;
}
if(!valid16){
const err54 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema20.allOf[3].if,parentSchema:schema20.allOf[3],data};
if(vErrors === null){
vErrors = [err54];
}
else {
vErrors.push(err54);
}
errors++;
}
validate17.errors = vErrors;
return errors === 0;
}


function validate16(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate17(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate17.errors : vErrors.concat(validate17.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema19.required,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "type") || (key0 === "credentials"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema19.properties.type.type,parentSchema:schema19.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((((data0 === "oauth2") || (data0 === "bearer")) || (data0 === "basic")) || (data0 === "noauth"))){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema19.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema19.properties.type.enum,parentSchema:schema19.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.credentials !== undefined){
let data1 = data.credentials;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err4 = {instancePath:instancePath+"/credentials",schemaPath:"#/properties/credentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.properties.credentials.type,parentSchema:schema19.properties.credentials,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema19.type,parentSchema:schema19,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate16.errors = vErrors;
return errors === 0;
}

const schema25 = {"title":"AutoRefresh","description":"Generates a collection-level pre-request script: before a request that sends the collection's access token, when the token is missing or expires within `leewaySeconds` and a refresh token is present, it refreshes with pm.sendRequest and stores the new access token, the rotated refresh token and the expiry. A refused refresh fails a test and the request is not sent.","type":"object","additionalProperties":false,"required":["tokenUrl","clientId","clientSecret"],"properties":{"tokenUrl":{"$ref":"#/definitions/NonEmptyString","description":"The token endpoint, e.g. {{authBaseUrl}}/connect/token."},"clientId":{"type":"string"},"clientSecret":{"type":"string"},"clientAuthentication":{"type":"string","enum":["body","header"],"description":"client_secret_post (body, default) or client_secret_basic (header)."},"leewaySeconds":{"type":"integer","minimum":0,"description":"Refresh when the access token expires within this many seconds. Default 60."},"variables":{"type":"object","additionalProperties":false,"description":"Names of the environment variables used. Defaults: access_token, refresh_token, access_token_expires_at, previous_refresh_token.","properties":{"accessToken":{"type":"string"},"refreshToken":{"type":"string"},"expiresAt":{"type":"string"},"previousRefreshToken":{"type":"string"}}}}};

function validate20(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.tokenUrl === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "tokenUrl"},message:"must have required property '"+"tokenUrl"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.clientId === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "clientId"},message:"must have required property '"+"clientId"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.clientSecret === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "clientSecret"},message:"must have required property '"+"clientSecret"+"'",schema:schema25.required,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!((((((key0 === "tokenUrl") || (key0 === "clientId")) || (key0 === "clientSecret")) || (key0 === "clientAuthentication")) || (key0 === "leewaySeconds")) || (key0 === "variables"))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.tokenUrl !== undefined){
let data0 = data.tokenUrl;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err4 = {instancePath:instancePath+"/tokenUrl",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/tokenUrl",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.clientId !== undefined){
let data1 = data.clientId;
if(typeof data1 !== "string"){
const err6 = {instancePath:instancePath+"/clientId",schemaPath:"#/properties/clientId/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.clientId.type,parentSchema:schema25.properties.clientId,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.clientSecret !== undefined){
let data2 = data.clientSecret;
if(typeof data2 !== "string"){
const err7 = {instancePath:instancePath+"/clientSecret",schemaPath:"#/properties/clientSecret/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.clientSecret.type,parentSchema:schema25.properties.clientSecret,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.clientAuthentication !== undefined){
let data3 = data.clientAuthentication;
if(typeof data3 !== "string"){
const err8 = {instancePath:instancePath+"/clientAuthentication",schemaPath:"#/properties/clientAuthentication/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.clientAuthentication.type,parentSchema:schema25.properties.clientAuthentication,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!((data3 === "body") || (data3 === "header"))){
const err9 = {instancePath:instancePath+"/clientAuthentication",schemaPath:"#/properties/clientAuthentication/enum",keyword:"enum",params:{allowedValues: schema25.properties.clientAuthentication.enum},message:"must be equal to one of the allowed values",schema:schema25.properties.clientAuthentication.enum,parentSchema:schema25.properties.clientAuthentication,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.leewaySeconds !== undefined){
let data4 = data.leewaySeconds;
if(!((typeof data4 == "number") && (!(data4 % 1) && !isNaN(data4)))){
const err10 = {instancePath:instancePath+"/leewaySeconds",schemaPath:"#/properties/leewaySeconds/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema25.properties.leewaySeconds.type,parentSchema:schema25.properties.leewaySeconds,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(typeof data4 == "number"){
if(data4 < 0 || isNaN(data4)){
const err11 = {instancePath:instancePath+"/leewaySeconds",schemaPath:"#/properties/leewaySeconds/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema25.properties.leewaySeconds,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
if(data.variables !== undefined){
let data5 = data.variables;
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
for(const key1 in data5){
if(!((((key1 === "accessToken") || (key1 === "refreshToken")) || (key1 === "expiresAt")) || (key1 === "previousRefreshToken"))){
const err12 = {instancePath:instancePath+"/variables",schemaPath:"#/properties/variables/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema25.properties.variables,data:data5};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data5.accessToken !== undefined){
let data6 = data5.accessToken;
if(typeof data6 !== "string"){
const err13 = {instancePath:instancePath+"/variables/accessToken",schemaPath:"#/properties/variables/properties/accessToken/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.variables.properties.accessToken.type,parentSchema:schema25.properties.variables.properties.accessToken,data:data6};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data5.refreshToken !== undefined){
let data7 = data5.refreshToken;
if(typeof data7 !== "string"){
const err14 = {instancePath:instancePath+"/variables/refreshToken",schemaPath:"#/properties/variables/properties/refreshToken/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.variables.properties.refreshToken.type,parentSchema:schema25.properties.variables.properties.refreshToken,data:data7};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.expiresAt !== undefined){
let data8 = data5.expiresAt;
if(typeof data8 !== "string"){
const err15 = {instancePath:instancePath+"/variables/expiresAt",schemaPath:"#/properties/variables/properties/expiresAt/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.variables.properties.expiresAt.type,parentSchema:schema25.properties.variables.properties.expiresAt,data:data8};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.previousRefreshToken !== undefined){
let data9 = data5.previousRefreshToken;
if(typeof data9 !== "string"){
const err16 = {instancePath:instancePath+"/variables/previousRefreshToken",schemaPath:"#/properties/variables/properties/previousRefreshToken/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema25.properties.variables.properties.previousRefreshToken.type,parentSchema:schema25.properties.variables.properties.previousRefreshToken,data:data9};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/variables",schemaPath:"#/properties/variables/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.properties.variables.type,parentSchema:schema25.properties.variables,data:data5};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema25.type,parentSchema:schema25,data};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
validate20.errors = vErrors;
return errors === 0;
}

const schema27 = {"type":"object","additionalProperties":false,"required":["source"],"description":"The OpenAPI document this collection was imported from. `mvpm serve` and `mvpm run` mock its operations on the stand-in; `mvpm import <document> --check` lists the operations no request covers.","properties":{"source":{"$ref":"#/definitions/NonEmptyString","description":"The document's path, relative to this file, inside the project."},"baseUrlVariable":{"type":"string","pattern":"^[A-Za-z0-9_]{1,64}$","description":"The variable request URLs start with (`--base-url-variable` of the import that wrote it). Written by `mvpm import` when not `baseUrl`; a later `mvpm import` or `--check` of the document uses it when the option is not given. Absent: `baseUrl`."}}};
const pattern1 = new RegExp("^[A-Za-z0-9_]{1,64}$", "u");

function validate22(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.source === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "source"},message:"must have required property '"+"source"+"'",schema:schema27.required,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "source") || (key0 === "baseUrlVariable"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.source !== undefined){
let data0 = data.source;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err2 = {instancePath:instancePath+"/source",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
else {
const err3 = {instancePath:instancePath+"/source",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.baseUrlVariable !== undefined){
let data1 = data.baseUrlVariable;
if(typeof data1 === "string"){
if(!pattern1.test(data1)){
const err4 = {instancePath:instancePath+"/baseUrlVariable",schemaPath:"#/properties/baseUrlVariable/pattern",keyword:"pattern",params:{pattern: "^[A-Za-z0-9_]{1,64}$"},message:"must match pattern \""+"^[A-Za-z0-9_]{1,64}$"+"\"",schema:"^[A-Za-z0-9_]{1,64}$",parentSchema:schema27.properties.baseUrlVariable,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/baseUrlVariable",schemaPath:"#/properties/baseUrlVariable/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema27.properties.baseUrlVariable.type,parentSchema:schema27.properties.baseUrlVariable,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema27.type,parentSchema:schema27,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate22.errors = vErrors;
return errors === 0;
}


function validate11(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.$kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "$kind"},message:"must have required property '"+"$kind"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema12.required,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema12.properties, key0))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$kind !== undefined){
let data0 = data.$kind;
if("mvpm-collection" !== data0){
const err3 = {instancePath:instancePath+"/$kind",schemaPath:"#/properties/%24kind/const",keyword:"const",params:{allowedValue: "mvpm-collection"},message:"must be equal to constant",schema:"mvpm-collection",parentSchema:schema12.properties.$kind,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err4 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.description.type,parentSchema:schema12.properties.description,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.targets !== undefined){
if(!(validate12(data.targets, {instancePath:instancePath+"/targets",parentData:data,parentDataProperty:"targets",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.role !== undefined){
let data4 = data.role;
if(typeof data4 !== "string"){
const err7 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.role.type,parentSchema:schema12.properties.role,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(!(data4 === "sign-in")){
const err8 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema12.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema12.properties.role.enum,parentSchema:schema12.properties.role,data:data4};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.variables !== undefined){
if(!(validate14(data.variables, {instancePath:instancePath+"/variables",parentData:data,parentDataProperty:"variables",rootData}))){
vErrors = vErrors === null ? validate14.errors : vErrors.concat(validate14.errors);
errors = vErrors.length;
}
}
if(data.runtimeVariables !== undefined){
let data6 = data.runtimeVariables;
if(data6 && typeof data6 == "object" && !Array.isArray(data6)){
for(const key1 in data6){
let data7 = data6[key1];
if(typeof data7 !== "string"){
const err9 = {instancePath:instancePath+"/runtimeVariables/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/runtimeVariables/additionalProperties/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema12.properties.runtimeVariables.additionalProperties.type,parentSchema:schema12.properties.runtimeVariables.additionalProperties,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
else {
const err10 = {instancePath:instancePath+"/runtimeVariables",schemaPath:"#/properties/runtimeVariables/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.properties.runtimeVariables.type,parentSchema:schema12.properties.runtimeVariables,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.auth !== undefined){
if(!(validate16(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate16.errors : vErrors.concat(validate16.errors);
errors = vErrors.length;
}
}
if(data.scripts !== undefined){
let data9 = data.scripts;
if(Array.isArray(data9)){
const len0 = data9.length;
for(let i0=0; i0<len0; i0++){
let data10 = data9[i0];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(data10.type === undefined){
const err11 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data10};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data10.code === undefined){
const err12 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data10};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key2 in data10){
if(!((key2 === "type") || (key2 === "code"))){
const err13 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema24.items,data:data10};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data10.type !== undefined){
let data11 = data10.type;
if(typeof data11 !== "string"){
const err14 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.type.type,parentSchema:schema24.items.properties.type,data:data11};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(!((data11 === "beforeRequest") || (data11 === "afterResponse"))){
const err15 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema24.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema24.items.properties.type.enum,parentSchema:schema24.items.properties.type,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data10.code !== undefined){
let data12 = data10.code;
if(typeof data12 !== "string"){
const err16 = {instancePath:instancePath+"/scripts/" + i0+"/code",schemaPath:"#/definitions/Scripts/items/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.code.type,parentSchema:schema24.items.properties.code,data:data12};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
else {
const err17 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data10};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/scripts",schemaPath:"#/definitions/Scripts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data9};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data.autoRefresh !== undefined){
if(!(validate20(data.autoRefresh, {instancePath:instancePath+"/autoRefresh",parentData:data,parentDataProperty:"autoRefresh",rootData}))){
vErrors = vErrors === null ? validate20.errors : vErrors.concat(validate20.errors);
errors = vErrors.length;
}
}
if(data.openapi !== undefined){
if(!(validate22(data.openapi, {instancePath:instancePath+"/openapi",parentData:data,parentDataProperty:"openapi",rootData}))){
vErrors = vErrors === null ? validate22.errors : vErrors.concat(validate22.errors);
errors = vErrors.length;
}
}
}
else {
const err19 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema12.type,parentSchema:schema12,data};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
validate11.errors = vErrors;
return errors === 0;
}

export const FolderDefinition = validate24;
const schema29 = {"title":"FolderDefinition","description":"<folder>/.resources/definition.yaml: optional; the folder's description, run order, auth and scripts.","type":"object","additionalProperties":false,"required":["$kind"],"properties":{"$kind":{"const":"mvpm-folder"},"description":{"type":"string"},"order":{"$ref":"#/definitions/Order"},"targets":{"$ref":"#/definitions/TargetList"},"role":{"type":"string","enum":["code-exchange","spends-sign-in"],"description":"`code-exchange`: turns the sign-in's authorization code into tokens; `mvpm run` runs it only right after a `sign-in` collection, and skips it when the run starts from a refresh token. `spends-sign-in`: spends or revokes the sign-in's tokens; `mvpm run` runs it after every other folder of the run whatever its `order`, only on stand-in targets, and only when the run's tokens die with it (a stand-in started for the run). Default: none."},"auth":{"$ref":"#/definitions/RequestAuth"},"scripts":{"$ref":"#/definitions/Scripts"}}};
const schema30 = {"type":"number","description":"Run order within the parent folder: ascending; items without order run after those with one; ties by name."};
const schema31 = {"title":"RequestAuth","type":"object","additionalProperties":false,"required":["type"],"properties":{"type":{"type":"string","enum":["inherit","noauth","bearer","basic"]},"credentials":{"type":"object"}},"allOf":[{"$ref":"#/definitions/RequestAuthCredentialsByType"}]};
const schema32 = {"allOf":[{"if":{"properties":{"type":{"const":"bearer"}},"required":["type"]},"then":{"required":["credentials"],"properties":{"credentials":{"$ref":"#/definitions/BearerCredentials"}}}},{"if":{"properties":{"type":{"const":"basic"}},"required":["type"]},"then":{"required":["credentials"],"properties":{"credentials":{"$ref":"#/definitions/BasicCredentials"}}}},{"if":{"properties":{"type":{"enum":["inherit","noauth"]}},"required":["type"]},"then":{"not":{"required":["credentials"]}}}]};

function validate27(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs1 = errors;
let valid1 = true;
const _errs2 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("bearer" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs2 === errors;
errors = _errs1;
if(vErrors !== null){
if(_errs1){
vErrors.length = _errs1;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs4 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.credentials === undefined){
const err2 = {instancePath,schemaPath:"#/allOf/0/then/required",keyword:"required",params:{missingProperty: "credentials"},message:"must have required property '"+"credentials"+"'",schema:schema32.allOf[0].then.required,parentSchema:schema32.allOf[0].then,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data.credentials !== undefined){
let data1 = data.credentials;
if(data1 && typeof data1 == "object" && !Array.isArray(data1)){
if(data1.token === undefined){
const err3 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/required",keyword:"required",params:{missingProperty: "token"},message:"must have required property '"+"token"+"'",schema:schema22.required,parentSchema:schema22,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
for(const key0 in data1){
if(!(key0 === "token")){
const err4 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema22,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data1.token !== undefined){
let data2 = data1.token;
if(typeof data2 !== "string"){
const err5 = {instancePath:instancePath+"/credentials/token",schemaPath:"#/definitions/BearerCredentials/properties/token/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema22.properties.token.type,parentSchema:schema22.properties.token,data:data2};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BearerCredentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema22.type,parentSchema:schema22,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
var _valid0 = _errs4 === errors;
valid1 = _valid0;
}
if(!valid1){
const err7 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema32.allOf[0].if,parentSchema:schema32.allOf[0],data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
const _errs12 = errors;
let valid6 = true;
const _errs13 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err8 = {};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
else {
if(data.type !== undefined){
if("basic" !== data.type){
const err9 = {};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
}
}
var _valid1 = _errs13 === errors;
errors = _errs12;
if(vErrors !== null){
if(_errs12){
vErrors.length = _errs12;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.credentials === undefined){
const err10 = {instancePath,schemaPath:"#/allOf/1/then/required",keyword:"required",params:{missingProperty: "credentials"},message:"must have required property '"+"credentials"+"'",schema:schema32.allOf[1].then.required,parentSchema:schema32.allOf[1].then,data};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(data.credentials !== undefined){
let data4 = data.credentials;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
if(data4.username === undefined){
const err11 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/required",keyword:"required",params:{missingProperty: "username"},message:"must have required property '"+"username"+"'",schema:schema23.required,parentSchema:schema23,data:data4};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(data4.password === undefined){
const err12 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/required",keyword:"required",params:{missingProperty: "password"},message:"must have required property '"+"password"+"'",schema:schema23.required,parentSchema:schema23,data:data4};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
for(const key1 in data4){
if(!((key1 === "username") || (key1 === "password"))){
const err13 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema23,data:data4};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data4.username !== undefined){
let data5 = data4.username;
if(typeof data5 !== "string"){
const err14 = {instancePath:instancePath+"/credentials/username",schemaPath:"#/definitions/BasicCredentials/properties/username/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.username.type,parentSchema:schema23.properties.username,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data4.password !== undefined){
let data6 = data4.password;
if(typeof data6 !== "string"){
const err15 = {instancePath:instancePath+"/credentials/password",schemaPath:"#/definitions/BasicCredentials/properties/password/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema23.properties.password.type,parentSchema:schema23.properties.password,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath:instancePath+"/credentials",schemaPath:"#/definitions/BasicCredentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema23.type,parentSchema:schema23,data:data4};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
var _valid1 = _errs15 === errors;
valid6 = _valid1;
}
if(!valid6){
const err17 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema32.allOf[1].if,parentSchema:schema32.allOf[1],data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
const _errs25 = errors;
let valid11 = true;
const _errs26 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err18 = {};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
if(data.type !== undefined){
let data7 = data.type;
if(!((data7 === "inherit") || (data7 === "noauth"))){
const err19 = {};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
}
}
var _valid2 = _errs26 === errors;
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs28 = errors;
const _errs29 = errors;
const _errs30 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.credentials === undefined) && (missing3 = "credentials")){
const err20 = {};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
var valid13 = _errs30 === errors;
if(valid13){
const err21 = {instancePath,schemaPath:"#/allOf/2/then/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema32.allOf[2].then.not,parentSchema:schema32.allOf[2].then,data};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
else {
errors = _errs29;
if(vErrors !== null){
if(_errs29){
vErrors.length = _errs29;
}
else {
vErrors = null;
}
}
}
var _valid2 = _errs28 === errors;
valid11 = _valid2;
}
if(!valid11){
const err22 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema32.allOf[2].if,parentSchema:schema32.allOf[2],data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate27.errors = vErrors;
return errors === 0;
}


function validate26(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!(validate27(data, {instancePath,parentData,parentDataProperty,rootData}))){
vErrors = vErrors === null ? validate27.errors : vErrors.concat(validate27.errors);
errors = vErrors.length;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema31.required,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "type") || (key0 === "credentials"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.type !== undefined){
let data0 = data.type;
if(typeof data0 !== "string"){
const err2 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema31.properties.type.type,parentSchema:schema31.properties.type,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(!((((data0 === "inherit") || (data0 === "noauth")) || (data0 === "bearer")) || (data0 === "basic"))){
const err3 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema31.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema31.properties.type.enum,parentSchema:schema31.properties.type,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.credentials !== undefined){
let data1 = data.credentials;
if(!(data1 && typeof data1 == "object" && !Array.isArray(data1))){
const err4 = {instancePath:instancePath+"/credentials",schemaPath:"#/properties/credentials/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.properties.credentials.type,parentSchema:schema31.properties.credentials,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
else {
const err5 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema31.type,parentSchema:schema31,data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
validate26.errors = vErrors;
return errors === 0;
}


function validate24(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.$kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "$kind"},message:"must have required property '"+"$kind"+"'",schema:schema29.required,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
for(const key0 in data){
if(!(((((((key0 === "$kind") || (key0 === "description")) || (key0 === "order")) || (key0 === "targets")) || (key0 === "role")) || (key0 === "auth")) || (key0 === "scripts"))){
const err1 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$kind !== undefined){
let data0 = data.$kind;
if("mvpm-folder" !== data0){
const err2 = {instancePath:instancePath+"/$kind",schemaPath:"#/properties/%24kind/const",keyword:"const",params:{allowedValue: "mvpm-folder"},message:"must be equal to constant",schema:"mvpm-folder",parentSchema:schema29.properties.$kind,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.description.type,parentSchema:schema29.properties.description,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.order !== undefined){
let data2 = data.order;
if(!(typeof data2 == "number")){
const err4 = {instancePath:instancePath+"/order",schemaPath:"#/definitions/Order/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema30.type,parentSchema:schema30,data:data2};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.targets !== undefined){
if(!(validate12(data.targets, {instancePath:instancePath+"/targets",parentData:data,parentDataProperty:"targets",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.role !== undefined){
let data4 = data.role;
if(typeof data4 !== "string"){
const err5 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema29.properties.role.type,parentSchema:schema29.properties.role,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(!((data4 === "code-exchange") || (data4 === "spends-sign-in"))){
const err6 = {instancePath:instancePath+"/role",schemaPath:"#/properties/role/enum",keyword:"enum",params:{allowedValues: schema29.properties.role.enum},message:"must be equal to one of the allowed values",schema:schema29.properties.role.enum,parentSchema:schema29.properties.role,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.auth !== undefined){
if(!(validate26(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.scripts !== undefined){
let data6 = data.scripts;
if(Array.isArray(data6)){
const len0 = data6.length;
for(let i0=0; i0<len0; i0++){
let data7 = data6[i0];
if(data7 && typeof data7 == "object" && !Array.isArray(data7)){
if(data7.type === undefined){
const err7 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data7};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
if(data7.code === undefined){
const err8 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
for(const key1 in data7){
if(!((key1 === "type") || (key1 === "code"))){
const err9 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema24.items,data:data7};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data7.type !== undefined){
let data8 = data7.type;
if(typeof data8 !== "string"){
const err10 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.type.type,parentSchema:schema24.items.properties.type,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
if(!((data8 === "beforeRequest") || (data8 === "afterResponse"))){
const err11 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema24.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema24.items.properties.type.enum,parentSchema:schema24.items.properties.type,data:data8};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data7.code !== undefined){
let data9 = data7.code;
if(typeof data9 !== "string"){
const err12 = {instancePath:instancePath+"/scripts/" + i0+"/code",schemaPath:"#/definitions/Scripts/items/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.code.type,parentSchema:schema24.items.properties.code,data:data9};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
else {
const err13 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data7};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
}
else {
const err14 = {instancePath:instancePath+"/scripts",schemaPath:"#/definitions/Scripts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data6};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema29.type,parentSchema:schema29,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
validate24.errors = vErrors;
return errors === 0;
}

export const RequestDefinition = validate30;
const schema36 = {"title":"RequestDefinition","description":"<name>.request.yaml: one HTTP request, its expectations and captures. The file name (without .request.yaml) is the request's name.","type":"object","additionalProperties":false,"required":["$kind","method","url"],"properties":{"$kind":{"const":"mvpm-request"},"description":{"type":"string"},"order":{"$ref":"#/definitions/Order"},"targets":{"$ref":"#/definitions/TargetList"},"readOnly":{"type":"boolean","description":"true: this request changes nothing on the server although its method could (e.g. `POST /assets/search`), so it runs on every target its folder runs on, like a GET. Default: false; see `targets` for what a method decides."},"method":{"type":"string","enum":["GET","POST","PUT","PATCH","DELETE","HEAD","OPTIONS"]},"url":{"$ref":"#/definitions/NonEmptyString","description":"Absolute URL (http:// or https://), usually starting with a {{variable}} that holds one; may carry a query string."},"query":{"$ref":"#/definitions/StringMap","description":"Query parameters appended to the URL, in this order."},"headers":{"$ref":"#/definitions/StringMap"},"auth":{"$ref":"#/definitions/RequestAuth"},"body":{"$ref":"#/definitions/Body"},"settings":{"$ref":"#/definitions/RequestSettings"},"expect":{"$ref":"#/definitions/Expectations"},"capture":{"$ref":"#/definitions/Captures"},"scripts":{"$ref":"#/definitions/Scripts"},"openapi":{"$ref":"#/definitions/OpenApiOperation"}}};
const schema44 = {"type":"object","additionalProperties":false,"properties":{"followRedirects":{"type":"boolean","description":"Postman protocolProfileBehavior.followRedirects. Default true."},"disableCookies":{"type":"boolean","description":"Postman protocolProfileBehavior.disableCookies. Default false."}}};
const schema39 = {"type":"object","additionalProperties":{"$ref":"#/definitions/Scalar"}};

function validate32(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
if(((typeof data0 !== "string") && (!(typeof data0 == "number"))) && (typeof data0 !== "boolean")){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Scalar/type",keyword:"type",params:{type: schema17.type},message:"must be string,number,boolean",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema39.type,parentSchema:schema39,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate32.errors = vErrors;
return errors === 0;
}

const schema41 = {"title":"Body","type":"object","additionalProperties":false,"required":["type","content"],"properties":{"type":{"type":"string","enum":["urlencoded","json","raw","formdata"]},"content":{},"language":{"type":"string","enum":["text","json","xml","html","javascript"],"description":"raw only: Postman's body language. Default text."}},"allOf":[{"if":{"properties":{"type":{"const":"urlencoded"}},"required":["type"]},"then":{"properties":{"content":{"$ref":"#/definitions/StringMap"}}}},{"if":{"properties":{"type":{"const":"formdata"}},"required":["type"]},"then":{"properties":{"content":{"$ref":"#/definitions/FormContent"}}}},{"if":{"properties":{"type":{"const":"raw"}},"required":["type"]},"then":{"properties":{"content":{"type":"string"}}}},{"if":{"properties":{"type":{"enum":["urlencoded","formdata","json"]}},"required":["type"]},"then":{"not":{"required":["language"]}}}]};
const schema42 = {"type":"object","additionalProperties":{"anyOf":[{"$ref":"#/definitions/Scalar"},{"type":"object","additionalProperties":false,"required":["src"],"properties":{"src":{"type":"string","description":"formdata only: a file to upload."}}}]}};

function validate38(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(((typeof data0 !== "string") && (!(typeof data0 == "number"))) && (typeof data0 !== "boolean")){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Scalar/type",keyword:"type",params:{type: schema17.type},message:"must be string,number,boolean",schema:schema17.type,parentSchema:schema17,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
if(data0.src === undefined){
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/required",keyword:"required",params:{missingProperty: "src"},message:"must have required property '"+"src"+"'",schema:schema42.additionalProperties.anyOf[1].required,parentSchema:schema42.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key1 in data0){
if(!(key1 === "src")){
const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema42.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.src !== undefined){
let data1 = data0.src;
if(typeof data1 !== "string"){
const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/src",schemaPath:"#/additionalProperties/anyOf/1/properties/src/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema42.additionalProperties.anyOf[1].properties.src.type,parentSchema:schema42.additionalProperties.anyOf[1].properties.src,data:data1};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
}
else {
const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.additionalProperties.anyOf[1].type,parentSchema:schema42.additionalProperties.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema42.additionalProperties.anyOf,parentSchema:schema42.additionalProperties,data:data0};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema42.type,parentSchema:schema42,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate38.errors = vErrors;
return errors === 0;
}


function validate36(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
const _errs2 = errors;
let valid1 = true;
const _errs3 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing0;
if((data.type === undefined) && (missing0 = "type")){
const err0 = {};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
else {
if(data.type !== undefined){
if("urlencoded" !== data.type){
const err1 = {};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
}
var _valid0 = _errs3 === errors;
errors = _errs2;
if(vErrors !== null){
if(_errs2){
vErrors.length = _errs2;
}
else {
vErrors = null;
}
}
if(_valid0){
const _errs5 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.content !== undefined){
if(!(validate32(data.content, {instancePath:instancePath+"/content",parentData:data,parentDataProperty:"content",rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
}
var _valid0 = _errs5 === errors;
valid1 = _valid0;
}
if(!valid1){
const err2 = {instancePath,schemaPath:"#/allOf/0/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema41.allOf[0].if,parentSchema:schema41.allOf[0],data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
const _errs8 = errors;
let valid4 = true;
const _errs9 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing1;
if((data.type === undefined) && (missing1 = "type")){
const err3 = {};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
else {
if(data.type !== undefined){
if("formdata" !== data.type){
const err4 = {};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
}
}
var _valid1 = _errs9 === errors;
errors = _errs8;
if(vErrors !== null){
if(_errs8){
vErrors.length = _errs8;
}
else {
vErrors = null;
}
}
if(_valid1){
const _errs11 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.content !== undefined){
if(!(validate38(data.content, {instancePath:instancePath+"/content",parentData:data,parentDataProperty:"content",rootData}))){
vErrors = vErrors === null ? validate38.errors : vErrors.concat(validate38.errors);
errors = vErrors.length;
}
}
}
var _valid1 = _errs11 === errors;
valid4 = _valid1;
}
if(!valid4){
const err5 = {instancePath,schemaPath:"#/allOf/1/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema41.allOf[1].if,parentSchema:schema41.allOf[1],data};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
const _errs14 = errors;
let valid7 = true;
const _errs15 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing2;
if((data.type === undefined) && (missing2 = "type")){
const err6 = {};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
else {
if(data.type !== undefined){
if("raw" !== data.type){
const err7 = {};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
var _valid2 = _errs15 === errors;
errors = _errs14;
if(vErrors !== null){
if(_errs14){
vErrors.length = _errs14;
}
else {
vErrors = null;
}
}
if(_valid2){
const _errs17 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.content !== undefined){
let data5 = data.content;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/content",schemaPath:"#/allOf/2/then/properties/content/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.allOf[2].then.properties.content.type,parentSchema:schema41.allOf[2].then.properties.content,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
var _valid2 = _errs17 === errors;
valid7 = _valid2;
}
if(!valid7){
const err9 = {instancePath,schemaPath:"#/allOf/2/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema41.allOf[2].if,parentSchema:schema41.allOf[2],data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
const _errs21 = errors;
let valid10 = true;
const _errs22 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing3;
if((data.type === undefined) && (missing3 = "type")){
const err10 = {};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
else {
if(data.type !== undefined){
let data6 = data.type;
if(!(((data6 === "urlencoded") || (data6 === "formdata")) || (data6 === "json"))){
const err11 = {};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
}
}
var _valid3 = _errs22 === errors;
errors = _errs21;
if(vErrors !== null){
if(_errs21){
vErrors.length = _errs21;
}
else {
vErrors = null;
}
}
if(_valid3){
const _errs24 = errors;
const _errs25 = errors;
const _errs26 = errors;
if(data && typeof data == "object" && !Array.isArray(data)){
let missing4;
if((data.language === undefined) && (missing4 = "language")){
const err12 = {};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
var valid12 = _errs26 === errors;
if(valid12){
const err13 = {instancePath,schemaPath:"#/allOf/3/then/not",keyword:"not",params:{},message:"must NOT be valid",schema:schema41.allOf[3].then.not,parentSchema:schema41.allOf[3].then,data};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
else {
errors = _errs25;
if(vErrors !== null){
if(_errs25){
vErrors.length = _errs25;
}
else {
vErrors = null;
}
}
}
var _valid3 = _errs24 === errors;
valid10 = _valid3;
}
if(!valid10){
const err14 = {instancePath,schemaPath:"#/allOf/3/if",keyword:"if",params:{failingKeyword: "then"},message:"must match \"then\" schema",schema:schema41.allOf[3].if,parentSchema:schema41.allOf[3],data};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.type === undefined){
const err15 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(data.content === undefined){
const err16 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "content"},message:"must have required property '"+"content"+"'",schema:schema41.required,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "type") || (key0 === "content")) || (key0 === "language"))){
const err17 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.type !== undefined){
let data7 = data.type;
if(typeof data7 !== "string"){
const err18 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.type.type,parentSchema:schema41.properties.type,data:data7};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
if(!((((data7 === "urlencoded") || (data7 === "json")) || (data7 === "raw")) || (data7 === "formdata"))){
const err19 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/enum",keyword:"enum",params:{allowedValues: schema41.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.type.enum,parentSchema:schema41.properties.type,data:data7};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.language !== undefined){
let data8 = data.language;
if(typeof data8 !== "string"){
const err20 = {instancePath:instancePath+"/language",schemaPath:"#/properties/language/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema41.properties.language.type,parentSchema:schema41.properties.language,data:data8};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
if(!(((((data8 === "text") || (data8 === "json")) || (data8 === "xml")) || (data8 === "html")) || (data8 === "javascript"))){
const err21 = {instancePath:instancePath+"/language",schemaPath:"#/properties/language/enum",keyword:"enum",params:{allowedValues: schema41.properties.language.enum},message:"must be equal to one of the allowed values",schema:schema41.properties.language.enum,parentSchema:schema41.properties.language,data:data8};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema41.type,parentSchema:schema41,data};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
validate36.errors = vErrors;
return errors === 0;
}

const schema45 = {"title":"Expectations","description":"Declarative checks; each compiles to its own pm.test.","type":"object","additionalProperties":false,"properties":{"status":{"description":"The status code, or a list of accepted codes.","anyOf":[{"$ref":"#/definitions/StatusCode"},{"type":"array","minItems":1,"items":{"$ref":"#/definitions/StatusCode"}}]},"contentType":{"type":"string","description":"The media type of Content-Type, parameters such as charset ignored."},"responseTime":{"type":"integer","minimum":1,"description":"The response arrives in less than this many milliseconds."},"headers":{"type":"object","description":"Header name (case-insensitive) → check.","additionalProperties":{"$ref":"#/definitions/HeaderCheck"}},"body":{"type":"object","description":"JSON path ($.a.b[0]) → checks on the JSON body.","additionalProperties":{"$ref":"#/definitions/BodyCheck"}},"schema":{"$ref":"#/definitions/BodySchema"}}};
const schema46 = {"type":"integer","minimum":100,"maximum":599};
const schema48 = {"type":"object","additionalProperties":false,"minProperties":1,"properties":{"exists":{"type":"boolean"},"equals":{"type":"string"},"matches":{"type":"string","description":"A JavaScript regular expression."}}};
const schema49 = {"title":"BodyCheck","type":"object","additionalProperties":false,"minProperties":1,"properties":{"exists":{"type":"boolean"},"equals":{"description":"A literal (string, number, boolean or null); {{variables}} in a string are resolved when the response arrives.","type":["string","number","boolean","null"]},"notEquals":{"description":"As equals, negated.","type":["string","number","boolean","null"]},"type":{"type":"string","enum":["string","number","integer","boolean","object","array","null"]},"matches":{"type":"string","description":"A JavaScript regular expression tested against a string value."},"length":{"description":"Length of a string or array: exact, or bounds.","anyOf":[{"type":"integer","minimum":0},{"type":"object","additionalProperties":false,"minProperties":1,"properties":{"min":{"type":"integer","minimum":0},"max":{"type":"integer","minimum":0}}}]},"oneOf":{"type":"array","minItems":1,"items":{"type":["string","number","boolean","null"]}}}};
const schema50 = {"description":"A draft-07 JSON Schema for the whole body, inline or in a file (JSON or YAML) relative to this request file. A file may `$ref` other schema files by relative path (`Asset.schema.json`, `../common/Envelope.schema.json#/definitions/Meta`): the build bundles them into its `definitions`; remote references are refused.","type":"object","additionalProperties":false,"minProperties":1,"maxProperties":1,"properties":{"inline":{"type":"object"},"file":{"$ref":"#/definitions/NonEmptyString"}}};

function validate42(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(Object.keys(data).length > 1){
const err0 = {instancePath,schemaPath:"#/maxProperties",keyword:"maxProperties",params:{limit: 1},message:"must NOT have more than 1 properties",schema:1,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(Object.keys(data).length < 1){
const err1 = {instancePath,schemaPath:"#/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!((key0 === "inline") || (key0 === "file"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.inline !== undefined){
let data0 = data.inline;
if(!(data0 && typeof data0 == "object" && !Array.isArray(data0))){
const err3 = {instancePath:instancePath+"/inline",schemaPath:"#/properties/inline/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.properties.inline.type,parentSchema:schema50.properties.inline,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.file !== undefined){
let data1 = data.file;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err4 = {instancePath:instancePath+"/file",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
else {
const err5 = {instancePath:instancePath+"/file",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema50.type,parentSchema:schema50,data};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
validate42.errors = vErrors;
return errors === 0;
}


function validate41(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((((key0 === "status") || (key0 === "contentType")) || (key0 === "responseTime")) || (key0 === "headers")) || (key0 === "body")) || (key0 === "schema"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.status !== undefined){
let data0 = data.status;
const _errs3 = errors;
let valid1 = false;
const _errs4 = errors;
if(!((typeof data0 == "number") && (!(data0 % 1) && !isNaN(data0)))){
const err1 = {instancePath:instancePath+"/status",schemaPath:"#/definitions/StatusCode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.type,parentSchema:schema46,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(typeof data0 == "number"){
if(data0 > 599 || isNaN(data0)){
const err2 = {instancePath:instancePath+"/status",schemaPath:"#/definitions/StatusCode/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema46,data:data0};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
if(data0 < 100 || isNaN(data0)){
const err3 = {instancePath:instancePath+"/status",schemaPath:"#/definitions/StatusCode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema46,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
var _valid0 = _errs4 === errors;
valid1 = valid1 || _valid0;
if(!valid1){
const _errs7 = errors;
if(Array.isArray(data0)){
if(data0.length < 1){
const err4 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema45.properties.status.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data0.length;
for(let i0=0; i0<len0; i0++){
let data1 = data0[i0];
if(!((typeof data1 == "number") && (!(data1 % 1) && !isNaN(data1)))){
const err5 = {instancePath:instancePath+"/status/" + i0,schemaPath:"#/definitions/StatusCode/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema46.type,parentSchema:schema46,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
if(typeof data1 == "number"){
if(data1 > 599 || isNaN(data1)){
const err6 = {instancePath:instancePath+"/status/" + i0,schemaPath:"#/definitions/StatusCode/maximum",keyword:"maximum",params:{comparison: "<=", limit: 599},message:"must be <= 599",schema:599,parentSchema:schema46,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
if(data1 < 100 || isNaN(data1)){
const err7 = {instancePath:instancePath+"/status/" + i0,schemaPath:"#/definitions/StatusCode/minimum",keyword:"minimum",params:{comparison: ">=", limit: 100},message:"must be >= 100",schema:100,parentSchema:schema46,data:data1};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
}
else {
const err8 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema45.properties.status.anyOf[1].type,parentSchema:schema45.properties.status.anyOf[1],data:data0};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
var _valid0 = _errs7 === errors;
valid1 = valid1 || _valid0;
}
if(!valid1){
const err9 = {instancePath:instancePath+"/status",schemaPath:"#/properties/status/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema45.properties.status.anyOf,parentSchema:schema45.properties.status,data:data0};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
else {
errors = _errs3;
if(vErrors !== null){
if(_errs3){
vErrors.length = _errs3;
}
else {
vErrors = null;
}
}
}
}
if(data.contentType !== undefined){
let data2 = data.contentType;
if(typeof data2 !== "string"){
const err10 = {instancePath:instancePath+"/contentType",schemaPath:"#/properties/contentType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema45.properties.contentType.type,parentSchema:schema45.properties.contentType,data:data2};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.responseTime !== undefined){
let data3 = data.responseTime;
if(!((typeof data3 == "number") && (!(data3 % 1) && !isNaN(data3)))){
const err11 = {instancePath:instancePath+"/responseTime",schemaPath:"#/properties/responseTime/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema45.properties.responseTime.type,parentSchema:schema45.properties.responseTime,data:data3};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
if(typeof data3 == "number"){
if(data3 < 1 || isNaN(data3)){
const err12 = {instancePath:instancePath+"/responseTime",schemaPath:"#/properties/responseTime/minimum",keyword:"minimum",params:{comparison: ">=", limit: 1},message:"must be >= 1",schema:1,parentSchema:schema45.properties.responseTime,data:data3};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
}
if(data.headers !== undefined){
let data4 = data.headers;
if(data4 && typeof data4 == "object" && !Array.isArray(data4)){
for(const key1 in data4){
let data5 = data4[key1];
if(data5 && typeof data5 == "object" && !Array.isArray(data5)){
if(Object.keys(data5).length < 1){
const err13 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/HeaderCheck/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema48,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
for(const key2 in data5){
if(!(((key2 === "exists") || (key2 === "equals")) || (key2 === "matches"))){
const err14 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/HeaderCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema48,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data5.exists !== undefined){
let data6 = data5.exists;
if(typeof data6 !== "boolean"){
const err15 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/exists",schemaPath:"#/definitions/HeaderCheck/properties/exists/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema48.properties.exists.type,parentSchema:schema48.properties.exists,data:data6};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data5.equals !== undefined){
let data7 = data5.equals;
if(typeof data7 !== "string"){
const err16 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/equals",schemaPath:"#/definitions/HeaderCheck/properties/equals/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.equals.type,parentSchema:schema48.properties.equals,data:data7};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
if(data5.matches !== undefined){
let data8 = data5.matches;
if(typeof data8 !== "string"){
const err17 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1")+"/matches",schemaPath:"#/definitions/HeaderCheck/properties/matches/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema48.properties.matches.type,parentSchema:schema48.properties.matches,data:data8};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
}
else {
const err18 = {instancePath:instancePath+"/headers/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/HeaderCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema48.type,parentSchema:schema48,data:data5};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
}
else {
const err19 = {instancePath:instancePath+"/headers",schemaPath:"#/properties/headers/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.headers.type,parentSchema:schema45.properties.headers,data:data4};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
}
if(data.body !== undefined){
let data9 = data.body;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key3 in data9){
let data10 = data9[key3];
if(data10 && typeof data10 == "object" && !Array.isArray(data10)){
if(Object.keys(data10).length < 1){
const err20 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/BodyCheck/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema49,data:data10};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
for(const key4 in data10){
if(!(((((((key4 === "exists") || (key4 === "equals")) || (key4 === "notEquals")) || (key4 === "type")) || (key4 === "matches")) || (key4 === "length")) || (key4 === "oneOf"))){
const err21 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/BodyCheck/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key4},message:"must NOT have additional properties",schema:false,parentSchema:schema49,data:data10};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data10.exists !== undefined){
let data11 = data10.exists;
if(typeof data11 !== "boolean"){
const err22 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/exists",schemaPath:"#/definitions/BodyCheck/properties/exists/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema49.properties.exists.type,parentSchema:schema49.properties.exists,data:data11};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
if(data10.equals !== undefined){
let data12 = data10.equals;
if((((typeof data12 !== "string") && (!(typeof data12 == "number"))) && (typeof data12 !== "boolean")) && (data12 !== null)){
const err23 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/equals",schemaPath:"#/definitions/BodyCheck/properties/equals/type",keyword:"type",params:{type: schema49.properties.equals.type},message:"must be string,number,boolean,null",schema:schema49.properties.equals.type,parentSchema:schema49.properties.equals,data:data12};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data10.notEquals !== undefined){
let data13 = data10.notEquals;
if((((typeof data13 !== "string") && (!(typeof data13 == "number"))) && (typeof data13 !== "boolean")) && (data13 !== null)){
const err24 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/notEquals",schemaPath:"#/definitions/BodyCheck/properties/notEquals/type",keyword:"type",params:{type: schema49.properties.notEquals.type},message:"must be string,number,boolean,null",schema:schema49.properties.notEquals.type,parentSchema:schema49.properties.notEquals,data:data13};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
if(data10.type !== undefined){
let data14 = data10.type;
if(typeof data14 !== "string"){
const err25 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/BodyCheck/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.type.type,parentSchema:schema49.properties.type,data:data14};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
}
if(!(((((((data14 === "string") || (data14 === "number")) || (data14 === "integer")) || (data14 === "boolean")) || (data14 === "object")) || (data14 === "array")) || (data14 === "null"))){
const err26 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/type",schemaPath:"#/definitions/BodyCheck/properties/type/enum",keyword:"enum",params:{allowedValues: schema49.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema49.properties.type.enum,parentSchema:schema49.properties.type,data:data14};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data10.matches !== undefined){
let data15 = data10.matches;
if(typeof data15 !== "string"){
const err27 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/matches",schemaPath:"#/definitions/BodyCheck/properties/matches/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema49.properties.matches.type,parentSchema:schema49.properties.matches,data:data15};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data10.length !== undefined){
let data16 = data10.length;
const _errs47 = errors;
let valid12 = false;
const _errs48 = errors;
if(!((typeof data16 == "number") && (!(data16 % 1) && !isNaN(data16)))){
const err28 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/0/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.length.anyOf[0].type,parentSchema:schema49.properties.length.anyOf[0],data:data16};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
if(typeof data16 == "number"){
if(data16 < 0 || isNaN(data16)){
const err29 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/0/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.length.anyOf[0],data:data16};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
var _valid1 = _errs48 === errors;
valid12 = valid12 || _valid1;
if(!valid12){
const _errs50 = errors;
if(data16 && typeof data16 == "object" && !Array.isArray(data16)){
if(Object.keys(data16).length < 1){
const err30 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/minProperties",keyword:"minProperties",params:{limit: 1},message:"must NOT have fewer than 1 properties",schema:1,parentSchema:schema49.properties.length.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
for(const key5 in data16){
if(!((key5 === "min") || (key5 === "max"))){
const err31 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key5},message:"must NOT have additional properties",schema:false,parentSchema:schema49.properties.length.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
if(data16.min !== undefined){
let data17 = data16.min;
if(!((typeof data17 == "number") && (!(data17 % 1) && !isNaN(data17)))){
const err32 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length/min",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/properties/min/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.length.anyOf[1].properties.min.type,parentSchema:schema49.properties.length.anyOf[1].properties.min,data:data17};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
}
if(typeof data17 == "number"){
if(data17 < 0 || isNaN(data17)){
const err33 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length/min",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/properties/min/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.length.anyOf[1].properties.min,data:data17};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
}
}
if(data16.max !== undefined){
let data18 = data16.max;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
const err34 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length/max",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/properties/max/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema49.properties.length.anyOf[1].properties.max.type,parentSchema:schema49.properties.length.anyOf[1].properties.max,data:data18};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
if(typeof data18 == "number"){
if(data18 < 0 || isNaN(data18)){
const err35 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length/max",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/properties/max/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema49.properties.length.anyOf[1].properties.max,data:data18};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
}
}
else {
const err36 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf/1/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.properties.length.anyOf[1].type,parentSchema:schema49.properties.length.anyOf[1],data:data16};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
var _valid1 = _errs50 === errors;
valid12 = valid12 || _valid1;
}
if(!valid12){
const err37 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/length",schemaPath:"#/definitions/BodyCheck/properties/length/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema49.properties.length.anyOf,parentSchema:schema49.properties.length,data:data16};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
}
else {
errors = _errs47;
if(vErrors !== null){
if(_errs47){
vErrors.length = _errs47;
}
else {
vErrors = null;
}
}
}
}
if(data10.oneOf !== undefined){
let data19 = data10.oneOf;
if(Array.isArray(data19)){
if(data19.length < 1){
const err38 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/oneOf",schemaPath:"#/definitions/BodyCheck/properties/oneOf/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema49.properties.oneOf,data:data19};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
const len1 = data19.length;
for(let i1=0; i1<len1; i1++){
let data20 = data19[i1];
if((((typeof data20 !== "string") && (!(typeof data20 == "number"))) && (typeof data20 !== "boolean")) && (data20 !== null)){
const err39 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/oneOf/" + i1,schemaPath:"#/definitions/BodyCheck/properties/oneOf/items/type",keyword:"type",params:{type: schema49.properties.oneOf.items.type},message:"must be string,number,boolean,null",schema:schema49.properties.oneOf.items.type,parentSchema:schema49.properties.oneOf.items,data:data20};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
}
}
else {
const err40 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1")+"/oneOf",schemaPath:"#/definitions/BodyCheck/properties/oneOf/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema49.properties.oneOf.type,parentSchema:schema49.properties.oneOf,data:data19};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
}
}
else {
const err41 = {instancePath:instancePath+"/body/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/BodyCheck/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema49.type,parentSchema:schema49,data:data10};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
}
else {
const err42 = {instancePath:instancePath+"/body",schemaPath:"#/properties/body/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.properties.body.type,parentSchema:schema45.properties.body,data:data9};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
}
}
if(data.schema !== undefined){
if(!(validate42(data.schema, {instancePath:instancePath+"/schema",parentData:data,parentDataProperty:"schema",rootData}))){
vErrors = vErrors === null ? validate42.errors : vErrors.concat(validate42.errors);
errors = vErrors.length;
}
}
}
else {
const err43 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema45.type,parentSchema:schema45,data};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
validate41.errors = vErrors;
return errors === 0;
}

const schema52 = {"title":"Captures","description":"Environment variable name → where its value comes from. Set with pm.environment.set after the expectations ran.","type":"object","additionalProperties":{"$ref":"#/definitions/Capture"}};
const schema53 = {"title":"Capture","type":"object","additionalProperties":false,"properties":{"json":{"type":"string","description":"A JSON path into the response body."},"header":{"type":"string","description":"A response header name."},"regex":{"type":"string","description":"header only: a regular expression whose first group is taken."},"expiresIn":{"type":"string","description":"A JSON path to a lifetime in seconds; the variable gets the expiry instant, epoch milliseconds."},"variable":{"type":"string","description":"Another variable's value as it was when the response arrived (before this request's captures)."}}};

function validate45(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
if(data0 && typeof data0 == "object" && !Array.isArray(data0)){
for(const key1 in data0){
if(!(((((key1 === "json") || (key1 === "header")) || (key1 === "regex")) || (key1 === "expiresIn")) || (key1 === "variable"))){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Capture/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema53,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data0.json !== undefined){
let data1 = data0.json;
if(typeof data1 !== "string"){
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/json",schemaPath:"#/definitions/Capture/properties/json/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.json.type,parentSchema:schema53.properties.json,data:data1};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data0.header !== undefined){
let data2 = data0.header;
if(typeof data2 !== "string"){
const err2 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/header",schemaPath:"#/definitions/Capture/properties/header/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.header.type,parentSchema:schema53.properties.header,data:data2};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data0.regex !== undefined){
let data3 = data0.regex;
if(typeof data3 !== "string"){
const err3 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/regex",schemaPath:"#/definitions/Capture/properties/regex/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.regex.type,parentSchema:schema53.properties.regex,data:data3};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data0.expiresIn !== undefined){
let data4 = data0.expiresIn;
if(typeof data4 !== "string"){
const err4 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/expiresIn",schemaPath:"#/definitions/Capture/properties/expiresIn/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.expiresIn.type,parentSchema:schema53.properties.expiresIn,data:data4};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data0.variable !== undefined){
let data5 = data0.variable;
if(typeof data5 !== "string"){
const err5 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1")+"/variable",schemaPath:"#/definitions/Capture/properties/variable/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema53.properties.variable.type,parentSchema:schema53.properties.variable,data:data5};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
}
else {
const err6 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/Capture/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema53.type,parentSchema:schema53,data:data0};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
}
else {
const err7 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema52.type,parentSchema:schema52,data};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
validate45.errors = vErrors;
return errors === 0;
}

const schema55 = {"type":"object","additionalProperties":false,"required":["operation","hash"],"description":"Written by `mvpm import` from an OpenAPI document: which operation this request covers and a hash of what was generated for it. A request whose content no longer matches the hash is edited and re-import keeps it unless --force.","properties":{"operation":{"$ref":"#/definitions/NonEmptyString","description":"The operation's operationId, or `METHOD /path` when it has none."},"hash":{"type":"string","pattern":"^sha256:[0-9a-f]{64}$","description":"sha256 of the request as generated (canonical JSON of the file's value without this `hash`)."},"inferred":{"type":"boolean","description":"true: the operation is inferred, not confirmed by the API's own documentation (`x-mvpm-inferred` in the document); it runs only on stand-in targets."}}};
const pattern2 = new RegExp("^sha256:[0-9a-f]{64}$", "u");

function validate47(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.operation === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "operation"},message:"must have required property '"+"operation"+"'",schema:schema55.required,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.hash === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "hash"},message:"must have required property '"+"hash"+"'",schema:schema55.required,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
for(const key0 in data){
if(!(((key0 === "operation") || (key0 === "hash")) || (key0 === "inferred"))){
const err2 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.operation !== undefined){
let data0 = data.operation;
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err3 = {instancePath:instancePath+"/operation",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
else {
const err4 = {instancePath:instancePath+"/operation",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.hash !== undefined){
let data1 = data.hash;
if(typeof data1 === "string"){
if(!pattern2.test(data1)){
const err5 = {instancePath:instancePath+"/hash",schemaPath:"#/properties/hash/pattern",keyword:"pattern",params:{pattern: "^sha256:[0-9a-f]{64}$"},message:"must match pattern \""+"^sha256:[0-9a-f]{64}$"+"\"",schema:"^sha256:[0-9a-f]{64}$",parentSchema:schema55.properties.hash,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/hash",schemaPath:"#/properties/hash/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema55.properties.hash.type,parentSchema:schema55.properties.hash,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.inferred !== undefined){
let data2 = data.inferred;
if(typeof data2 !== "boolean"){
const err7 = {instancePath:instancePath+"/inferred",schemaPath:"#/properties/inferred/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema55.properties.inferred.type,parentSchema:schema55.properties.inferred,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
}
else {
const err8 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema55.type,parentSchema:schema55,data};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
validate47.errors = vErrors;
return errors === 0;
}


function validate30(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.$kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "$kind"},message:"must have required property '"+"$kind"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.method === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "method"},message:"must have required property '"+"method"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.url === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "url"},message:"must have required property '"+"url"+"'",schema:schema36.required,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema36.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.$kind !== undefined){
let data0 = data.$kind;
if("mvpm-request" !== data0){
const err4 = {instancePath:instancePath+"/$kind",schemaPath:"#/properties/%24kind/const",keyword:"const",params:{allowedValue: "mvpm-request"},message:"must be equal to constant",schema:"mvpm-request",parentSchema:schema36.properties.$kind,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.description !== undefined){
let data1 = data.description;
if(typeof data1 !== "string"){
const err5 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.description.type,parentSchema:schema36.properties.description,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.order !== undefined){
let data2 = data.order;
if(!(typeof data2 == "number")){
const err6 = {instancePath:instancePath+"/order",schemaPath:"#/definitions/Order/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema30.type,parentSchema:schema30,data:data2};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.targets !== undefined){
if(!(validate12(data.targets, {instancePath:instancePath+"/targets",parentData:data,parentDataProperty:"targets",rootData}))){
vErrors = vErrors === null ? validate12.errors : vErrors.concat(validate12.errors);
errors = vErrors.length;
}
}
if(data.readOnly !== undefined){
let data4 = data.readOnly;
if(typeof data4 !== "boolean"){
const err7 = {instancePath:instancePath+"/readOnly",schemaPath:"#/properties/readOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema36.properties.readOnly.type,parentSchema:schema36.properties.readOnly,data:data4};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.method !== undefined){
let data5 = data.method;
if(typeof data5 !== "string"){
const err8 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema36.properties.method.type,parentSchema:schema36.properties.method,data:data5};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
if(!(((((((data5 === "GET") || (data5 === "POST")) || (data5 === "PUT")) || (data5 === "PATCH")) || (data5 === "DELETE")) || (data5 === "HEAD")) || (data5 === "OPTIONS"))){
const err9 = {instancePath:instancePath+"/method",schemaPath:"#/properties/method/enum",keyword:"enum",params:{allowedValues: schema36.properties.method.enum},message:"must be equal to one of the allowed values",schema:schema36.properties.method.enum,parentSchema:schema36.properties.method,data:data5};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.url !== undefined){
let data6 = data.url;
if(typeof data6 === "string"){
if(func3(data6) < 1){
const err10 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data6};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
else {
const err11 = {instancePath:instancePath+"/url",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.query !== undefined){
if(!(validate32(data.query, {instancePath:instancePath+"/query",parentData:data,parentDataProperty:"query",rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
if(data.headers !== undefined){
if(!(validate32(data.headers, {instancePath:instancePath+"/headers",parentData:data,parentDataProperty:"headers",rootData}))){
vErrors = vErrors === null ? validate32.errors : vErrors.concat(validate32.errors);
errors = vErrors.length;
}
}
if(data.auth !== undefined){
if(!(validate26(data.auth, {instancePath:instancePath+"/auth",parentData:data,parentDataProperty:"auth",rootData}))){
vErrors = vErrors === null ? validate26.errors : vErrors.concat(validate26.errors);
errors = vErrors.length;
}
}
if(data.body !== undefined){
if(!(validate36(data.body, {instancePath:instancePath+"/body",parentData:data,parentDataProperty:"body",rootData}))){
vErrors = vErrors === null ? validate36.errors : vErrors.concat(validate36.errors);
errors = vErrors.length;
}
}
if(data.settings !== undefined){
let data11 = data.settings;
if(data11 && typeof data11 == "object" && !Array.isArray(data11)){
for(const key1 in data11){
if(!((key1 === "followRedirects") || (key1 === "disableCookies"))){
const err12 = {instancePath:instancePath+"/settings",schemaPath:"#/definitions/RequestSettings/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key1},message:"must NOT have additional properties",schema:false,parentSchema:schema44,data:data11};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data11.followRedirects !== undefined){
let data12 = data11.followRedirects;
if(typeof data12 !== "boolean"){
const err13 = {instancePath:instancePath+"/settings/followRedirects",schemaPath:"#/definitions/RequestSettings/properties/followRedirects/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.followRedirects.type,parentSchema:schema44.properties.followRedirects,data:data12};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data11.disableCookies !== undefined){
let data13 = data11.disableCookies;
if(typeof data13 !== "boolean"){
const err14 = {instancePath:instancePath+"/settings/disableCookies",schemaPath:"#/definitions/RequestSettings/properties/disableCookies/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema44.properties.disableCookies.type,parentSchema:schema44.properties.disableCookies,data:data13};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
}
else {
const err15 = {instancePath:instancePath+"/settings",schemaPath:"#/definitions/RequestSettings/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema44.type,parentSchema:schema44,data:data11};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
if(data.expect !== undefined){
if(!(validate41(data.expect, {instancePath:instancePath+"/expect",parentData:data,parentDataProperty:"expect",rootData}))){
vErrors = vErrors === null ? validate41.errors : vErrors.concat(validate41.errors);
errors = vErrors.length;
}
}
if(data.capture !== undefined){
if(!(validate45(data.capture, {instancePath:instancePath+"/capture",parentData:data,parentDataProperty:"capture",rootData}))){
vErrors = vErrors === null ? validate45.errors : vErrors.concat(validate45.errors);
errors = vErrors.length;
}
}
if(data.scripts !== undefined){
let data16 = data.scripts;
if(Array.isArray(data16)){
const len0 = data16.length;
for(let i0=0; i0<len0; i0++){
let data17 = data16[i0];
if(data17 && typeof data17 == "object" && !Array.isArray(data17)){
if(data17.type === undefined){
const err16 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "type"},message:"must have required property '"+"type"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data17};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
if(data17.code === undefined){
const err17 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/required",keyword:"required",params:{missingProperty: "code"},message:"must have required property '"+"code"+"'",schema:schema24.items.required,parentSchema:schema24.items,data:data17};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
for(const key2 in data17){
if(!((key2 === "type") || (key2 === "code"))){
const err18 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key2},message:"must NOT have additional properties",schema:false,parentSchema:schema24.items,data:data17};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
}
if(data17.type !== undefined){
let data18 = data17.type;
if(typeof data18 !== "string"){
const err19 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.type.type,parentSchema:schema24.items.properties.type,data:data18};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(!((data18 === "beforeRequest") || (data18 === "afterResponse"))){
const err20 = {instancePath:instancePath+"/scripts/" + i0+"/type",schemaPath:"#/definitions/Scripts/items/properties/type/enum",keyword:"enum",params:{allowedValues: schema24.items.properties.type.enum},message:"must be equal to one of the allowed values",schema:schema24.items.properties.type.enum,parentSchema:schema24.items.properties.type,data:data18};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
if(data17.code !== undefined){
let data19 = data17.code;
if(typeof data19 !== "string"){
const err21 = {instancePath:instancePath+"/scripts/" + i0+"/code",schemaPath:"#/definitions/Scripts/items/properties/code/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema24.items.properties.code.type,parentSchema:schema24.items.properties.code,data:data19};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
}
else {
const err22 = {instancePath:instancePath+"/scripts/" + i0,schemaPath:"#/definitions/Scripts/items/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema24.items.type,parentSchema:schema24.items,data:data17};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
}
}
else {
const err23 = {instancePath:instancePath+"/scripts",schemaPath:"#/definitions/Scripts/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema24.type,parentSchema:schema24,data:data16};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
if(data.openapi !== undefined){
if(!(validate47(data.openapi, {instancePath:instancePath+"/openapi",parentData:data,parentDataProperty:"openapi",rootData}))){
vErrors = vErrors === null ? validate47.errors : vErrors.concat(validate47.errors);
errors = vErrors.length;
}
}
}
else {
const err24 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema36.type,parentSchema:schema36,data};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
validate30.errors = vErrors;
return errors === 0;
}

export const EnvironmentDefinition = validate49;
const schema57 = {"title":"EnvironmentDefinition","description":"specs/environments/<file>.environment.yaml: a Postman environment.","type":"object","additionalProperties":false,"required":["$kind","name","variables"],"properties":{"$kind":{"const":"mvpm-environment"},"name":{"$ref":"#/definitions/NonEmptyString"},"description":{"type":"string"},"target":{"$ref":"#/definitions/TargetName","description":"The target this environment serves: `mvpm run --target <name>` runs with it. Without it the environment is for Postman only."},"standin":{"type":"boolean","description":"The target is mvpm's stand-in: `mvpm run` starts one for the run (or uses --base-url) and points every `servers` variable at it. Default false."},"servers":{"type":"array","uniqueItems":true,"items":{"$ref":"#/definitions/NonEmptyString"},"description":"The variables that hold server base URLs. On a stand-in target they are set to the stand-in's address; on any other target each must be an https URL (http only on this machine). Default: none."},"secrets":{"$ref":"#/definitions/ProcessVariableMap","description":"Variable → the process environment variable (`MV_…`) that supplies its value when `mvpm run` runs this target; never read from a file. Each is required, except the one holding the refresh token, which may come from the token state file."},"overrides":{"$ref":"#/definitions/ProcessVariableMap","description":"Variable → the process environment variable (`MV_…`) that replaces its value when set (a server's address, say)."},"variables":{"type":"object","additionalProperties":{"$ref":"#/definitions/EnvironmentVariable"}}}};
const schema61 = {"type":"object","additionalProperties":{"$ref":"#/definitions/NonEmptyString"}};

function validate50(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
let data0 = data[key0];
if(typeof data0 === "string"){
if(func3(data0) < 1){
const err0 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
else {
const err1 = {instancePath:instancePath+"/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
}
else {
const err2 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema61.type,parentSchema:schema61,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
validate50.errors = vErrors;
return errors === 0;
}

const schema63 = {"title":"EnvironmentVariable","type":"object","additionalProperties":false,"properties":{"description":{"type":"string"},"value":{"$ref":"#/definitions/Scalar","description":"Default value written to the generated environment. Not allowed with secret: true."},"secret":{"type":"boolean","description":"Postman type `secret`; the value is never written to the generated file. Default false."},"sendTo":{"type":"array","description":"The base URL variables (of this environment) whose hosts may receive this variable: a request may send it only when its URL starts with `{{base}}/` for one of them. Required for a secret that requests send; allowed on any variable.","minItems":1,"uniqueItems":true,"items":{"$ref":"#/definitions/NonEmptyString"}}}};

function validate53(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
for(const key0 in data){
if(!((((key0 === "description") || (key0 === "value")) || (key0 === "secret")) || (key0 === "sendTo"))){
const err0 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
}
if(data.description !== undefined){
let data0 = data.description;
if(typeof data0 !== "string"){
const err1 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema63.properties.description.type,parentSchema:schema63.properties.description,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.value !== undefined){
let data1 = data.value;
if(((typeof data1 !== "string") && (!(typeof data1 == "number"))) && (typeof data1 !== "boolean")){
const err2 = {instancePath:instancePath+"/value",schemaPath:"#/definitions/Scalar/type",keyword:"type",params:{type: schema17.type},message:"must be string,number,boolean",schema:schema17.type,parentSchema:schema17,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.secret !== undefined){
let data2 = data.secret;
if(typeof data2 !== "boolean"){
const err3 = {instancePath:instancePath+"/secret",schemaPath:"#/properties/secret/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema63.properties.secret.type,parentSchema:schema63.properties.secret,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.sendTo !== undefined){
let data3 = data.sendTo;
if(Array.isArray(data3)){
if(data3.length < 1){
const err4 = {instancePath:instancePath+"/sendTo",schemaPath:"#/properties/sendTo/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema63.properties.sendTo,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
const len0 = data3.length;
for(let i0=0; i0<len0; i0++){
let data4 = data3[i0];
if(typeof data4 === "string"){
if(func3(data4) < 1){
const err5 = {instancePath:instancePath+"/sendTo/" + i0,schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/sendTo/" + i0,schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data4};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
let i1 = data3.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data3[i1], data3[j0])){
const err7 = {instancePath:instancePath+"/sendTo",schemaPath:"#/properties/sendTo/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema63.properties.sendTo,data:data3};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err8 = {instancePath:instancePath+"/sendTo",schemaPath:"#/properties/sendTo/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema63.properties.sendTo.type,parentSchema:schema63.properties.sendTo,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
}
else {
const err9 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema63.type,parentSchema:schema63,data};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
validate53.errors = vErrors;
return errors === 0;
}


function validate49(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.$kind === undefined){
const err0 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "$kind"},message:"must have required property '"+"$kind"+"'",schema:schema57.required,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data.name === undefined){
const err1 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "name"},message:"must have required property '"+"name"+"'",schema:schema57.required,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
if(data.variables === undefined){
const err2 = {instancePath,schemaPath:"#/required",keyword:"required",params:{missingProperty: "variables"},message:"must have required property '"+"variables"+"'",schema:schema57.required,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
for(const key0 in data){
if(!(func2.call(schema57.properties, key0))){
const err3 = {instancePath,schemaPath:"#/additionalProperties",keyword:"additionalProperties",params:{additionalProperty: key0},message:"must NOT have additional properties",schema:false,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.$kind !== undefined){
let data0 = data.$kind;
if("mvpm-environment" !== data0){
const err4 = {instancePath:instancePath+"/$kind",schemaPath:"#/properties/%24kind/const",keyword:"const",params:{allowedValue: "mvpm-environment"},message:"must be equal to constant",schema:"mvpm-environment",parentSchema:schema57.properties.$kind,data:data0};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.name !== undefined){
let data1 = data.name;
if(typeof data1 === "string"){
if(func3(data1) < 1){
const err5 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
else {
const err6 = {instancePath:instancePath+"/name",schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data1};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.description !== undefined){
let data2 = data.description;
if(typeof data2 !== "string"){
const err7 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema57.properties.description.type,parentSchema:schema57.properties.description,data:data2};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.target !== undefined){
let data3 = data.target;
if(typeof data3 === "string"){
if(!pattern0.test(data3)){
const err8 = {instancePath:instancePath+"/target",schemaPath:"#/definitions/TargetName/pattern",keyword:"pattern",params:{pattern: "^[a-z][a-z0-9-]*$"},message:"must match pattern \""+"^[a-z][a-z0-9-]*$"+"\"",schema:"^[a-z][a-z0-9-]*$",parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
else {
const err9 = {instancePath:instancePath+"/target",schemaPath:"#/definitions/TargetName/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema15.type,parentSchema:schema15,data:data3};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
if(data.standin !== undefined){
let data4 = data.standin;
if(typeof data4 !== "boolean"){
const err10 = {instancePath:instancePath+"/standin",schemaPath:"#/properties/standin/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema57.properties.standin.type,parentSchema:schema57.properties.standin,data:data4};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.servers !== undefined){
let data5 = data.servers;
if(Array.isArray(data5)){
const len0 = data5.length;
for(let i0=0; i0<len0; i0++){
let data6 = data5[i0];
if(typeof data6 === "string"){
if(func3(data6) < 1){
const err11 = {instancePath:instancePath+"/servers/" + i0,schemaPath:"#/definitions/NonEmptyString/minLength",keyword:"minLength",params:{limit: 1},message:"must NOT have fewer than 1 characters",schema:1,parentSchema:schema13,data:data6};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
else {
const err12 = {instancePath:instancePath+"/servers/" + i0,schemaPath:"#/definitions/NonEmptyString/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema13.type,parentSchema:schema13,data:data6};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
let i1 = data5.length;
let j0;
if(i1 > 1){
outer0:
for(;i1--;){
for(j0 = i1; j0--;){
if(func0(data5[i1], data5[j0])){
const err13 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema57.properties.servers,data:data5};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err14 = {instancePath:instancePath+"/servers",schemaPath:"#/properties/servers/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema57.properties.servers.type,parentSchema:schema57.properties.servers,data:data5};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.secrets !== undefined){
if(!(validate50(data.secrets, {instancePath:instancePath+"/secrets",parentData:data,parentDataProperty:"secrets",rootData}))){
vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
errors = vErrors.length;
}
}
if(data.overrides !== undefined){
if(!(validate50(data.overrides, {instancePath:instancePath+"/overrides",parentData:data,parentDataProperty:"overrides",rootData}))){
vErrors = vErrors === null ? validate50.errors : vErrors.concat(validate50.errors);
errors = vErrors.length;
}
}
if(data.variables !== undefined){
let data9 = data.variables;
if(data9 && typeof data9 == "object" && !Array.isArray(data9)){
for(const key1 in data9){
if(!(validate53(data9[key1], {instancePath:instancePath+"/variables/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data9,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate53.errors : vErrors.concat(validate53.errors);
errors = vErrors.length;
}
}
}
else {
const err15 = {instancePath:instancePath+"/variables",schemaPath:"#/properties/variables/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.properties.variables.type,parentSchema:schema57.properties.variables,data:data9};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
}
}
else {
const err16 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema57.type,parentSchema:schema57,data};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
validate49.errors = vErrors;
return errors === 0;
}

export const JsonSchemaDraft07 = validate0;
const schema0 = {"$schema":"http://json-schema.org/draft-07/schema#","$id":"http://json-schema.org/draft-07/schema#","title":"Core schema meta-schema","definitions":{"schemaArray":{"type":"array","minItems":1,"items":{"$ref":"#"}},"nonNegativeInteger":{"type":"integer","minimum":0},"nonNegativeIntegerDefault0":{"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]},"simpleTypes":{"enum":["array","boolean","integer","null","number","object","string"]},"stringArray":{"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]}},"type":["object","boolean"],"properties":{"$id":{"type":"string","format":"uri-reference"},"$schema":{"type":"string","format":"uri"},"$ref":{"type":"string","format":"uri-reference"},"$comment":{"type":"string"},"title":{"type":"string"},"description":{"type":"string"},"default":true,"readOnly":{"type":"boolean","default":false},"examples":{"type":"array","items":true},"multipleOf":{"type":"number","exclusiveMinimum":0},"maximum":{"type":"number"},"exclusiveMaximum":{"type":"number"},"minimum":{"type":"number"},"exclusiveMinimum":{"type":"number"},"maxLength":{"$ref":"#/definitions/nonNegativeInteger"},"minLength":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"pattern":{"type":"string","format":"regex"},"additionalItems":{"$ref":"#"},"items":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/schemaArray"}],"default":true},"maxItems":{"$ref":"#/definitions/nonNegativeInteger"},"minItems":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"uniqueItems":{"type":"boolean","default":false},"contains":{"$ref":"#"},"maxProperties":{"$ref":"#/definitions/nonNegativeInteger"},"minProperties":{"$ref":"#/definitions/nonNegativeIntegerDefault0"},"required":{"$ref":"#/definitions/stringArray"},"additionalProperties":{"$ref":"#"},"definitions":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"properties":{"type":"object","additionalProperties":{"$ref":"#"},"default":{}},"patternProperties":{"type":"object","additionalProperties":{"$ref":"#"},"propertyNames":{"format":"regex"},"default":{}},"dependencies":{"type":"object","additionalProperties":{"anyOf":[{"$ref":"#"},{"$ref":"#/definitions/stringArray"}]}},"propertyNames":{"$ref":"#"},"const":true,"enum":{"type":"array","items":true,"minItems":1,"uniqueItems":true},"type":{"anyOf":[{"$ref":"#/definitions/simpleTypes"},{"type":"array","items":{"$ref":"#/definitions/simpleTypes"},"minItems":1,"uniqueItems":true}]},"format":{"type":"string"},"contentMediaType":{"type":"string"},"contentEncoding":{"type":"string"},"if":{"$ref":"#"},"then":{"$ref":"#"},"else":{"$ref":"#"},"allOf":{"$ref":"#/definitions/schemaArray"},"anyOf":{"$ref":"#/definitions/schemaArray"},"oneOf":{"$ref":"#/definitions/schemaArray"},"not":{"$ref":"#"}},"default":true};
const schema1 = {"type":"integer","minimum":0};
const schema7 = {"type":"array","items":{"type":"string"},"uniqueItems":true,"default":[]};
const schema9 = {"enum":["array","boolean","integer","null","number","object","string"]};
const schema2 = {"allOf":[{"$ref":"#/definitions/nonNegativeInteger"},{"default":0}]};

function validate1(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(!((typeof data == "number") && (!(data % 1) && !isNaN(data)))){
const err0 = {instancePath,schemaPath:"#/definitions/nonNegativeInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema1.type,parentSchema:schema1,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(typeof data == "number"){
if(data < 0 || isNaN(data)){
const err1 = {instancePath,schemaPath:"#/definitions/nonNegativeInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema1,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
validate1.errors = vErrors;
return errors === 0;
}

const schema4 = {"type":"array","minItems":1,"items":{"$ref":"#"}};
const root0 = {validate: validate0};

function validate3(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
let vErrors = null;
let errors = 0;
if(Array.isArray(data)){
if(data.length < 1){
const err0 = {instancePath,schemaPath:"#/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema4,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
const len0 = data.length;
for(let i0=0; i0<len0; i0++){
if(!(root0.validate(data[i0], {instancePath:instancePath+"/" + i0,parentData:data,parentDataProperty:i0,rootData}))){
vErrors = vErrors === null ? root0.validate.errors : vErrors.concat(root0.validate.errors);
errors = vErrors.length;
}
}
}
else {
const err1 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema4.type,parentSchema:schema4,data};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
validate3.errors = vErrors;
return errors === 0;
}


function validate0(data, {instancePath="", parentData, parentDataProperty, rootData=data}={}){
/*# sourceURL="http://json-schema.org/draft-07/schema#" */;
let vErrors = null;
let errors = 0;
if((!(data && typeof data == "object" && !Array.isArray(data))) && (typeof data !== "boolean")){
const err0 = {instancePath,schemaPath:"#/type",keyword:"type",params:{type: schema0.type},message:"must be object,boolean",schema:schema0.type,parentSchema:schema0,data};
if(vErrors === null){
vErrors = [err0];
}
else {
vErrors.push(err0);
}
errors++;
}
if(data && typeof data == "object" && !Array.isArray(data)){
if(data.$id !== undefined){
let data0 = data.$id;
if(!(typeof data0 === "string")){
const err1 = {instancePath:instancePath+"/$id",schemaPath:"#/properties/%24id/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.$id.type,parentSchema:schema0.properties.$id,data:data0};
if(vErrors === null){
vErrors = [err1];
}
else {
vErrors.push(err1);
}
errors++;
}
}
if(data.$schema !== undefined){
let data1 = data.$schema;
if(!(typeof data1 === "string")){
const err2 = {instancePath:instancePath+"/$schema",schemaPath:"#/properties/%24schema/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.$schema.type,parentSchema:schema0.properties.$schema,data:data1};
if(vErrors === null){
vErrors = [err2];
}
else {
vErrors.push(err2);
}
errors++;
}
}
if(data.$ref !== undefined){
let data2 = data.$ref;
if(!(typeof data2 === "string")){
const err3 = {instancePath:instancePath+"/$ref",schemaPath:"#/properties/%24ref/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.$ref.type,parentSchema:schema0.properties.$ref,data:data2};
if(vErrors === null){
vErrors = [err3];
}
else {
vErrors.push(err3);
}
errors++;
}
}
if(data.$comment !== undefined){
let data3 = data.$comment;
if(typeof data3 !== "string"){
const err4 = {instancePath:instancePath+"/$comment",schemaPath:"#/properties/%24comment/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.$comment.type,parentSchema:schema0.properties.$comment,data:data3};
if(vErrors === null){
vErrors = [err4];
}
else {
vErrors.push(err4);
}
errors++;
}
}
if(data.title !== undefined){
let data4 = data.title;
if(typeof data4 !== "string"){
const err5 = {instancePath:instancePath+"/title",schemaPath:"#/properties/title/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.title.type,parentSchema:schema0.properties.title,data:data4};
if(vErrors === null){
vErrors = [err5];
}
else {
vErrors.push(err5);
}
errors++;
}
}
if(data.description !== undefined){
let data5 = data.description;
if(typeof data5 !== "string"){
const err6 = {instancePath:instancePath+"/description",schemaPath:"#/properties/description/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.description.type,parentSchema:schema0.properties.description,data:data5};
if(vErrors === null){
vErrors = [err6];
}
else {
vErrors.push(err6);
}
errors++;
}
}
if(data.readOnly !== undefined){
let data6 = data.readOnly;
if(typeof data6 !== "boolean"){
const err7 = {instancePath:instancePath+"/readOnly",schemaPath:"#/properties/readOnly/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.readOnly.type,parentSchema:schema0.properties.readOnly,data:data6};
if(vErrors === null){
vErrors = [err7];
}
else {
vErrors.push(err7);
}
errors++;
}
}
if(data.examples !== undefined){
let data7 = data.examples;
if(!(Array.isArray(data7))){
const err8 = {instancePath:instancePath+"/examples",schemaPath:"#/properties/examples/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.examples.type,parentSchema:schema0.properties.examples,data:data7};
if(vErrors === null){
vErrors = [err8];
}
else {
vErrors.push(err8);
}
errors++;
}
}
if(data.multipleOf !== undefined){
let data8 = data.multipleOf;
if(typeof data8 == "number"){
if(data8 <= 0 || isNaN(data8)){
const err9 = {instancePath:instancePath+"/multipleOf",schemaPath:"#/properties/multipleOf/exclusiveMinimum",keyword:"exclusiveMinimum",params:{comparison: ">", limit: 0},message:"must be > 0",schema:0,parentSchema:schema0.properties.multipleOf,data:data8};
if(vErrors === null){
vErrors = [err9];
}
else {
vErrors.push(err9);
}
errors++;
}
}
else {
const err10 = {instancePath:instancePath+"/multipleOf",schemaPath:"#/properties/multipleOf/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema0.properties.multipleOf.type,parentSchema:schema0.properties.multipleOf,data:data8};
if(vErrors === null){
vErrors = [err10];
}
else {
vErrors.push(err10);
}
errors++;
}
}
if(data.maximum !== undefined){
let data9 = data.maximum;
if(!(typeof data9 == "number")){
const err11 = {instancePath:instancePath+"/maximum",schemaPath:"#/properties/maximum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema0.properties.maximum.type,parentSchema:schema0.properties.maximum,data:data9};
if(vErrors === null){
vErrors = [err11];
}
else {
vErrors.push(err11);
}
errors++;
}
}
if(data.exclusiveMaximum !== undefined){
let data10 = data.exclusiveMaximum;
if(!(typeof data10 == "number")){
const err12 = {instancePath:instancePath+"/exclusiveMaximum",schemaPath:"#/properties/exclusiveMaximum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema0.properties.exclusiveMaximum.type,parentSchema:schema0.properties.exclusiveMaximum,data:data10};
if(vErrors === null){
vErrors = [err12];
}
else {
vErrors.push(err12);
}
errors++;
}
}
if(data.minimum !== undefined){
let data11 = data.minimum;
if(!(typeof data11 == "number")){
const err13 = {instancePath:instancePath+"/minimum",schemaPath:"#/properties/minimum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema0.properties.minimum.type,parentSchema:schema0.properties.minimum,data:data11};
if(vErrors === null){
vErrors = [err13];
}
else {
vErrors.push(err13);
}
errors++;
}
}
if(data.exclusiveMinimum !== undefined){
let data12 = data.exclusiveMinimum;
if(!(typeof data12 == "number")){
const err14 = {instancePath:instancePath+"/exclusiveMinimum",schemaPath:"#/properties/exclusiveMinimum/type",keyword:"type",params:{type: "number"},message:"must be number",schema:schema0.properties.exclusiveMinimum.type,parentSchema:schema0.properties.exclusiveMinimum,data:data12};
if(vErrors === null){
vErrors = [err14];
}
else {
vErrors.push(err14);
}
errors++;
}
}
if(data.maxLength !== undefined){
let data13 = data.maxLength;
if(!((typeof data13 == "number") && (!(data13 % 1) && !isNaN(data13)))){
const err15 = {instancePath:instancePath+"/maxLength",schemaPath:"#/definitions/nonNegativeInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema1.type,parentSchema:schema1,data:data13};
if(vErrors === null){
vErrors = [err15];
}
else {
vErrors.push(err15);
}
errors++;
}
if(typeof data13 == "number"){
if(data13 < 0 || isNaN(data13)){
const err16 = {instancePath:instancePath+"/maxLength",schemaPath:"#/definitions/nonNegativeInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema1,data:data13};
if(vErrors === null){
vErrors = [err16];
}
else {
vErrors.push(err16);
}
errors++;
}
}
}
if(data.minLength !== undefined){
if(!(validate1(data.minLength, {instancePath:instancePath+"/minLength",parentData:data,parentDataProperty:"minLength",rootData}))){
vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
errors = vErrors.length;
}
}
if(data.pattern !== undefined){
let data15 = data.pattern;
if(!(typeof data15 === "string")){
const err17 = {instancePath:instancePath+"/pattern",schemaPath:"#/properties/pattern/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.pattern.type,parentSchema:schema0.properties.pattern,data:data15};
if(vErrors === null){
vErrors = [err17];
}
else {
vErrors.push(err17);
}
errors++;
}
}
if(data.additionalItems !== undefined){
if(!(validate0(data.additionalItems, {instancePath:instancePath+"/additionalItems",parentData:data,parentDataProperty:"additionalItems",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.items !== undefined){
let data17 = data.items;
const _errs35 = errors;
let valid2 = false;
const _errs36 = errors;
if(!(validate0(data17, {instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
var _valid0 = _errs36 === errors;
valid2 = valid2 || _valid0;
if(!valid2){
const _errs37 = errors;
if(!(validate3(data17, {instancePath:instancePath+"/items",parentData:data,parentDataProperty:"items",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
var _valid0 = _errs37 === errors;
valid2 = valid2 || _valid0;
}
if(!valid2){
const err18 = {instancePath:instancePath+"/items",schemaPath:"#/properties/items/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema0.properties.items.anyOf,parentSchema:schema0.properties.items,data:data17};
if(vErrors === null){
vErrors = [err18];
}
else {
vErrors.push(err18);
}
errors++;
}
else {
errors = _errs35;
if(vErrors !== null){
if(_errs35){
vErrors.length = _errs35;
}
else {
vErrors = null;
}
}
}
}
if(data.maxItems !== undefined){
let data18 = data.maxItems;
if(!((typeof data18 == "number") && (!(data18 % 1) && !isNaN(data18)))){
const err19 = {instancePath:instancePath+"/maxItems",schemaPath:"#/definitions/nonNegativeInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema1.type,parentSchema:schema1,data:data18};
if(vErrors === null){
vErrors = [err19];
}
else {
vErrors.push(err19);
}
errors++;
}
if(typeof data18 == "number"){
if(data18 < 0 || isNaN(data18)){
const err20 = {instancePath:instancePath+"/maxItems",schemaPath:"#/definitions/nonNegativeInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema1,data:data18};
if(vErrors === null){
vErrors = [err20];
}
else {
vErrors.push(err20);
}
errors++;
}
}
}
if(data.minItems !== undefined){
if(!(validate1(data.minItems, {instancePath:instancePath+"/minItems",parentData:data,parentDataProperty:"minItems",rootData}))){
vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
errors = vErrors.length;
}
}
if(data.uniqueItems !== undefined){
let data20 = data.uniqueItems;
if(typeof data20 !== "boolean"){
const err21 = {instancePath:instancePath+"/uniqueItems",schemaPath:"#/properties/uniqueItems/type",keyword:"type",params:{type: "boolean"},message:"must be boolean",schema:schema0.properties.uniqueItems.type,parentSchema:schema0.properties.uniqueItems,data:data20};
if(vErrors === null){
vErrors = [err21];
}
else {
vErrors.push(err21);
}
errors++;
}
}
if(data.contains !== undefined){
if(!(validate0(data.contains, {instancePath:instancePath+"/contains",parentData:data,parentDataProperty:"contains",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.maxProperties !== undefined){
let data22 = data.maxProperties;
if(!((typeof data22 == "number") && (!(data22 % 1) && !isNaN(data22)))){
const err22 = {instancePath:instancePath+"/maxProperties",schemaPath:"#/definitions/nonNegativeInteger/type",keyword:"type",params:{type: "integer"},message:"must be integer",schema:schema1.type,parentSchema:schema1,data:data22};
if(vErrors === null){
vErrors = [err22];
}
else {
vErrors.push(err22);
}
errors++;
}
if(typeof data22 == "number"){
if(data22 < 0 || isNaN(data22)){
const err23 = {instancePath:instancePath+"/maxProperties",schemaPath:"#/definitions/nonNegativeInteger/minimum",keyword:"minimum",params:{comparison: ">=", limit: 0},message:"must be >= 0",schema:0,parentSchema:schema1,data:data22};
if(vErrors === null){
vErrors = [err23];
}
else {
vErrors.push(err23);
}
errors++;
}
}
}
if(data.minProperties !== undefined){
if(!(validate1(data.minProperties, {instancePath:instancePath+"/minProperties",parentData:data,parentDataProperty:"minProperties",rootData}))){
vErrors = vErrors === null ? validate1.errors : vErrors.concat(validate1.errors);
errors = vErrors.length;
}
}
if(data.required !== undefined){
let data24 = data.required;
if(Array.isArray(data24)){
const len0 = data24.length;
for(let i0=0; i0<len0; i0++){
let data25 = data24[i0];
if(typeof data25 !== "string"){
const err24 = {instancePath:instancePath+"/required/" + i0,schemaPath:"#/definitions/stringArray/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.items.type,parentSchema:schema7.items,data:data25};
if(vErrors === null){
vErrors = [err24];
}
else {
vErrors.push(err24);
}
errors++;
}
}
let i1 = data24.length;
let j0;
if(i1 > 1){
const indices0 = {};
for(;i1--;){
let item0 = data24[i1];
if(typeof item0 !== "string"){
continue;
}
if(typeof indices0[item0] == "number"){
j0 = indices0[item0];
const err25 = {instancePath:instancePath+"/required",schemaPath:"#/definitions/stringArray/uniqueItems",keyword:"uniqueItems",params:{i: i1, j: j0},message:"must NOT have duplicate items (items ## "+j0+" and "+i1+" are identical)",schema:true,parentSchema:schema7,data:data24};
if(vErrors === null){
vErrors = [err25];
}
else {
vErrors.push(err25);
}
errors++;
break;
}
indices0[item0] = i1;
}
}
}
else {
const err26 = {instancePath:instancePath+"/required",schemaPath:"#/definitions/stringArray/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema7.type,parentSchema:schema7,data:data24};
if(vErrors === null){
vErrors = [err26];
}
else {
vErrors.push(err26);
}
errors++;
}
}
if(data.additionalProperties !== undefined){
if(!(validate0(data.additionalProperties, {instancePath:instancePath+"/additionalProperties",parentData:data,parentDataProperty:"additionalProperties",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.definitions !== undefined){
let data27 = data.definitions;
if(data27 && typeof data27 == "object" && !Array.isArray(data27)){
for(const key0 in data27){
if(!(validate0(data27[key0], {instancePath:instancePath+"/definitions/" + key0.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data27,parentDataProperty:key0,rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
}
else {
const err27 = {instancePath:instancePath+"/definitions",schemaPath:"#/properties/definitions/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.definitions.type,parentSchema:schema0.properties.definitions,data:data27};
if(vErrors === null){
vErrors = [err27];
}
else {
vErrors.push(err27);
}
errors++;
}
}
if(data.properties !== undefined){
let data29 = data.properties;
if(data29 && typeof data29 == "object" && !Array.isArray(data29)){
for(const key1 in data29){
if(!(validate0(data29[key1], {instancePath:instancePath+"/properties/" + key1.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data29,parentDataProperty:key1,rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
}
else {
const err28 = {instancePath:instancePath+"/properties",schemaPath:"#/properties/properties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.properties.type,parentSchema:schema0.properties.properties,data:data29};
if(vErrors === null){
vErrors = [err28];
}
else {
vErrors.push(err28);
}
errors++;
}
}
if(data.patternProperties !== undefined){
let data31 = data.patternProperties;
if(data31 && typeof data31 == "object" && !Array.isArray(data31)){
for(const key2 in data31){
const _errs65 = errors;
var valid11 = _errs65 === errors;
if(!valid11){
const err29 = {instancePath:instancePath+"/patternProperties",schemaPath:"#/properties/patternProperties/propertyNames",keyword:"propertyNames",params:{propertyName: key2},message:"property name must be valid",schema:schema0.properties.patternProperties.propertyNames,parentSchema:schema0.properties.patternProperties,data:data31};
if(vErrors === null){
vErrors = [err29];
}
else {
vErrors.push(err29);
}
errors++;
}
}
for(const key3 in data31){
if(!(validate0(data31[key3], {instancePath:instancePath+"/patternProperties/" + key3.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data31,parentDataProperty:key3,rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
}
else {
const err30 = {instancePath:instancePath+"/patternProperties",schemaPath:"#/properties/patternProperties/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.patternProperties.type,parentSchema:schema0.properties.patternProperties,data:data31};
if(vErrors === null){
vErrors = [err30];
}
else {
vErrors.push(err30);
}
errors++;
}
}
if(data.dependencies !== undefined){
let data33 = data.dependencies;
if(data33 && typeof data33 == "object" && !Array.isArray(data33)){
for(const key4 in data33){
let data34 = data33[key4];
const _errs72 = errors;
let valid14 = false;
const _errs73 = errors;
if(!(validate0(data34, {instancePath:instancePath+"/dependencies/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),parentData:data33,parentDataProperty:key4,rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
var _valid1 = _errs73 === errors;
valid14 = valid14 || _valid1;
if(!valid14){
const _errs74 = errors;
if(Array.isArray(data34)){
const len1 = data34.length;
for(let i2=0; i2<len1; i2++){
let data35 = data34[i2];
if(typeof data35 !== "string"){
const err31 = {instancePath:instancePath+"/dependencies/" + key4.replace(/~/g, "~0").replace(/\//g, "~1")+"/" + i2,schemaPath:"#/definitions/stringArray/items/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema7.items.type,parentSchema:schema7.items,data:data35};
if(vErrors === null){
vErrors = [err31];
}
else {
vErrors.push(err31);
}
errors++;
}
}
let i3 = data34.length;
let j1;
if(i3 > 1){
const indices1 = {};
for(;i3--;){
let item1 = data34[i3];
if(typeof item1 !== "string"){
continue;
}
if(typeof indices1[item1] == "number"){
j1 = indices1[item1];
const err32 = {instancePath:instancePath+"/dependencies/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/stringArray/uniqueItems",keyword:"uniqueItems",params:{i: i3, j: j1},message:"must NOT have duplicate items (items ## "+j1+" and "+i3+" are identical)",schema:true,parentSchema:schema7,data:data34};
if(vErrors === null){
vErrors = [err32];
}
else {
vErrors.push(err32);
}
errors++;
break;
}
indices1[item1] = i3;
}
}
}
else {
const err33 = {instancePath:instancePath+"/dependencies/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/definitions/stringArray/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema7.type,parentSchema:schema7,data:data34};
if(vErrors === null){
vErrors = [err33];
}
else {
vErrors.push(err33);
}
errors++;
}
var _valid1 = _errs74 === errors;
valid14 = valid14 || _valid1;
}
if(!valid14){
const err34 = {instancePath:instancePath+"/dependencies/" + key4.replace(/~/g, "~0").replace(/\//g, "~1"),schemaPath:"#/properties/dependencies/additionalProperties/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema0.properties.dependencies.additionalProperties.anyOf,parentSchema:schema0.properties.dependencies.additionalProperties,data:data34};
if(vErrors === null){
vErrors = [err34];
}
else {
vErrors.push(err34);
}
errors++;
}
else {
errors = _errs72;
if(vErrors !== null){
if(_errs72){
vErrors.length = _errs72;
}
else {
vErrors = null;
}
}
}
}
}
else {
const err35 = {instancePath:instancePath+"/dependencies",schemaPath:"#/properties/dependencies/type",keyword:"type",params:{type: "object"},message:"must be object",schema:schema0.properties.dependencies.type,parentSchema:schema0.properties.dependencies,data:data33};
if(vErrors === null){
vErrors = [err35];
}
else {
vErrors.push(err35);
}
errors++;
}
}
if(data.propertyNames !== undefined){
if(!(validate0(data.propertyNames, {instancePath:instancePath+"/propertyNames",parentData:data,parentDataProperty:"propertyNames",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.enum !== undefined){
let data37 = data.enum;
if(Array.isArray(data37)){
if(data37.length < 1){
const err36 = {instancePath:instancePath+"/enum",schemaPath:"#/properties/enum/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema0.properties.enum,data:data37};
if(vErrors === null){
vErrors = [err36];
}
else {
vErrors.push(err36);
}
errors++;
}
let i4 = data37.length;
let j2;
if(i4 > 1){
outer0:
for(;i4--;){
for(j2 = i4; j2--;){
if(func0(data37[i4], data37[j2])){
const err37 = {instancePath:instancePath+"/enum",schemaPath:"#/properties/enum/uniqueItems",keyword:"uniqueItems",params:{i: i4, j: j2},message:"must NOT have duplicate items (items ## "+j2+" and "+i4+" are identical)",schema:true,parentSchema:schema0.properties.enum,data:data37};
if(vErrors === null){
vErrors = [err37];
}
else {
vErrors.push(err37);
}
errors++;
break outer0;
}
}
}
}
}
else {
const err38 = {instancePath:instancePath+"/enum",schemaPath:"#/properties/enum/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.enum.type,parentSchema:schema0.properties.enum,data:data37};
if(vErrors === null){
vErrors = [err38];
}
else {
vErrors.push(err38);
}
errors++;
}
}
if(data.type !== undefined){
let data38 = data.type;
const _errs83 = errors;
let valid20 = false;
const _errs84 = errors;
if(!(((((((data38 === "array") || (data38 === "boolean")) || (data38 === "integer")) || (data38 === "null")) || (data38 === "number")) || (data38 === "object")) || (data38 === "string"))){
const err39 = {instancePath:instancePath+"/type",schemaPath:"#/definitions/simpleTypes/enum",keyword:"enum",params:{allowedValues: schema9.enum},message:"must be equal to one of the allowed values",schema:schema9.enum,parentSchema:schema9,data:data38};
if(vErrors === null){
vErrors = [err39];
}
else {
vErrors.push(err39);
}
errors++;
}
var _valid2 = _errs84 === errors;
valid20 = valid20 || _valid2;
if(!valid20){
const _errs86 = errors;
if(Array.isArray(data38)){
if(data38.length < 1){
const err40 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/anyOf/1/minItems",keyword:"minItems",params:{limit: 1},message:"must NOT have fewer than 1 items",schema:1,parentSchema:schema0.properties.type.anyOf[1],data:data38};
if(vErrors === null){
vErrors = [err40];
}
else {
vErrors.push(err40);
}
errors++;
}
const len2 = data38.length;
for(let i5=0; i5<len2; i5++){
let data39 = data38[i5];
if(!(((((((data39 === "array") || (data39 === "boolean")) || (data39 === "integer")) || (data39 === "null")) || (data39 === "number")) || (data39 === "object")) || (data39 === "string"))){
const err41 = {instancePath:instancePath+"/type/" + i5,schemaPath:"#/definitions/simpleTypes/enum",keyword:"enum",params:{allowedValues: schema9.enum},message:"must be equal to one of the allowed values",schema:schema9.enum,parentSchema:schema9,data:data39};
if(vErrors === null){
vErrors = [err41];
}
else {
vErrors.push(err41);
}
errors++;
}
}
let i6 = data38.length;
let j3;
if(i6 > 1){
outer1:
for(;i6--;){
for(j3 = i6; j3--;){
if(func0(data38[i6], data38[j3])){
const err42 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/anyOf/1/uniqueItems",keyword:"uniqueItems",params:{i: i6, j: j3},message:"must NOT have duplicate items (items ## "+j3+" and "+i6+" are identical)",schema:true,parentSchema:schema0.properties.type.anyOf[1],data:data38};
if(vErrors === null){
vErrors = [err42];
}
else {
vErrors.push(err42);
}
errors++;
break outer1;
}
}
}
}
}
else {
const err43 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/anyOf/1/type",keyword:"type",params:{type: "array"},message:"must be array",schema:schema0.properties.type.anyOf[1].type,parentSchema:schema0.properties.type.anyOf[1],data:data38};
if(vErrors === null){
vErrors = [err43];
}
else {
vErrors.push(err43);
}
errors++;
}
var _valid2 = _errs86 === errors;
valid20 = valid20 || _valid2;
}
if(!valid20){
const err44 = {instancePath:instancePath+"/type",schemaPath:"#/properties/type/anyOf",keyword:"anyOf",params:{},message:"must match a schema in anyOf",schema:schema0.properties.type.anyOf,parentSchema:schema0.properties.type,data:data38};
if(vErrors === null){
vErrors = [err44];
}
else {
vErrors.push(err44);
}
errors++;
}
else {
errors = _errs83;
if(vErrors !== null){
if(_errs83){
vErrors.length = _errs83;
}
else {
vErrors = null;
}
}
}
}
if(data.format !== undefined){
let data40 = data.format;
if(typeof data40 !== "string"){
const err45 = {instancePath:instancePath+"/format",schemaPath:"#/properties/format/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.format.type,parentSchema:schema0.properties.format,data:data40};
if(vErrors === null){
vErrors = [err45];
}
else {
vErrors.push(err45);
}
errors++;
}
}
if(data.contentMediaType !== undefined){
let data41 = data.contentMediaType;
if(typeof data41 !== "string"){
const err46 = {instancePath:instancePath+"/contentMediaType",schemaPath:"#/properties/contentMediaType/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.contentMediaType.type,parentSchema:schema0.properties.contentMediaType,data:data41};
if(vErrors === null){
vErrors = [err46];
}
else {
vErrors.push(err46);
}
errors++;
}
}
if(data.contentEncoding !== undefined){
let data42 = data.contentEncoding;
if(typeof data42 !== "string"){
const err47 = {instancePath:instancePath+"/contentEncoding",schemaPath:"#/properties/contentEncoding/type",keyword:"type",params:{type: "string"},message:"must be string",schema:schema0.properties.contentEncoding.type,parentSchema:schema0.properties.contentEncoding,data:data42};
if(vErrors === null){
vErrors = [err47];
}
else {
vErrors.push(err47);
}
errors++;
}
}
if(data.if !== undefined){
if(!(validate0(data.if, {instancePath:instancePath+"/if",parentData:data,parentDataProperty:"if",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.then !== undefined){
if(!(validate0(data.then, {instancePath:instancePath+"/then",parentData:data,parentDataProperty:"then",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.else !== undefined){
if(!(validate0(data.else, {instancePath:instancePath+"/else",parentData:data,parentDataProperty:"else",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
if(data.allOf !== undefined){
if(!(validate3(data.allOf, {instancePath:instancePath+"/allOf",parentData:data,parentDataProperty:"allOf",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
}
if(data.anyOf !== undefined){
if(!(validate3(data.anyOf, {instancePath:instancePath+"/anyOf",parentData:data,parentDataProperty:"anyOf",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
}
if(data.oneOf !== undefined){
if(!(validate3(data.oneOf, {instancePath:instancePath+"/oneOf",parentData:data,parentDataProperty:"oneOf",rootData}))){
vErrors = vErrors === null ? validate3.errors : vErrors.concat(validate3.errors);
errors = vErrors.length;
}
}
if(data.not !== undefined){
if(!(validate0(data.not, {instancePath:instancePath+"/not",parentData:data,parentDataProperty:"not",rootData}))){
vErrors = vErrors === null ? validate0.errors : vErrors.concat(validate0.errors);
errors = vErrors.length;
}
}
}
validate0.errors = vErrors;
return errors === 0;
}
