(function(){
  var body=document.body, lit=[];
  var bar=document.querySelector('header.bar');
  function barHeight(){
    var sticky=getComputedStyle(bar).position==='sticky';
    document.documentElement.style.setProperty('--bar-h',(sticky?bar.offsetHeight:0)+'px');
  }
  barHeight(); window.addEventListener('resize',barHeight);
  function light(li, scroll){
    lit.forEach(function(e){e.classList.remove('active');});
    var key=li.getAttribute('data-f');
    var fold=li.closest('details'); if(fold){fold.open=true;}
    lit=Array.prototype.slice.call(document.querySelectorAll('[data-f~="'+key+'"]'));
    var row=document.getElementById(li.getAttribute('data-row'));
    if(row){lit.push(row); if(scroll){row.scrollIntoView({block:'center'});}}
    lit.forEach(function(e){e.classList.add('active');});
    if(history.replaceState){history.replaceState(null,'','#'+key);}
  }
  var items=Array.prototype.slice.call(document.querySelectorAll('li.finding'));
  items.forEach(function(li){
    li.addEventListener('click',function(ev){ev.preventDefault(); light(li,true);});
  });
  document.querySelectorAll('mark[data-f],.u[data-f]').forEach(function(m){
    m.addEventListener('click',function(){
      var key=m.getAttribute('data-f').split(' ')[0];
      var li=document.querySelector('li.finding[data-f="'+key+'"]');
      if(li){light(li,false); li.scrollIntoView({block:'nearest'});}
    });
  });
  var filters=Array.prototype.slice.call(document.querySelectorAll('input.sev-filter'));
  var only=document.getElementById('only-findings');
  function count(){
    var shown=filters.filter(function(cb){return cb.checked;}).map(function(cb){return cb.value;});
    var total=0;
    document.querySelectorAll('[data-counts]').forEach(function(el){
      var c=JSON.parse(el.getAttribute('data-counts')), n=0;
      shown.forEach(function(s){n+=c[s]||0;});
      el.textContent=n; if(el.classList.contains('pair-shown')){total+=n;}
    });
    var all=document.getElementById('shown-total'); if(all){all.textContent=total;}
  }
  function filter(){
    var shown=filters.filter(function(cb){return cb.checked;}).map(function(cb){return cb.value;});
    filters.forEach(function(cb){body.classList.toggle('hide-'+cb.value,!cb.checked);});
    document.querySelectorAll('tr.link').forEach(function(row){
      var keep=!only.checked||shown.some(function(s){return row.classList.contains('has-'+s);});
      row.classList.toggle('filtered',!keep);
    });
    count();
  }
  filters.forEach(function(cb){cb.addEventListener('change',filter);});
  only.addEventListener('change',filter);
  document.addEventListener('keydown',function(ev){
    if(ev.target.tagName==='INPUT'||(ev.key!=='j'&&ev.key!=='k')){return;}
    var shown=items.filter(function(li){return li.offsetParent!==null;});
    if(!shown.length){return;}
    var at=shown.indexOf(document.querySelector('li.finding.active'));
    var next=ev.key==='j'?Math.min(at+1,shown.length-1):Math.max(at-1,0);
    light(shown[next],true); shown[next].scrollIntoView({block:'nearest'});
  });
  var hash=location.hash.slice(1);
  if(hash){var li=document.querySelector('li.finding[data-f="'+hash+'"]'); if(li){light(li,true);}}
  filter();
})();
